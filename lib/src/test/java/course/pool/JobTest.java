package course.pool;

import course.concurrent.CancelledException;
import course.concurrent.Context;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JobTest {
    @Test
    void executeReturnsTheFunctionsValueWithTheDescriptor() {
        Job<Integer, Integer> job = Job.of("3", "double", 3, (ctx, n) -> n * 2);
        Result<Integer> r = job.execute(Context.background());
        assertTrue(r.isOk());
        assertEquals(6, r.value());
        assertSame(job.descriptor(), r.descriptor());
    }

    @Test
    void executeTurnsAThrownExceptionIntoAnErrorResult() {
        IllegalStateException boom = new IllegalStateException("boom");
        Job<Integer, Integer> job = Job.of("x", "fail", 1, (ctx, n) -> {
            throw boom;
        });
        Result<Integer> r = job.execute(Context.background());
        assertFalse(r.isOk());
        assertSame(boom, r.error());
        assertNull(r.value());
    }

    @Test
    void executeTurnsAnErrorIntoAnErrorResultToo() {
        Job<Void, Void> job = Job.of("deep", "recurse", null, (ctx, a) -> {
            throw new StackOverflowError("simulated");
        });
        assertInstanceOf(StackOverflowError.class, job.execute(Context.background()).error());
    }

    @Test
    void executePassesTheContextAndTheArguments() {
        Context ctx = Context.background().withCancel();
        ctx.cancel();
        Job<String, String> job = Job.of("c", "echo", "hi", (c, a) -> {
            c.throwIfDone();
            return a;
        });
        assertInstanceOf(CancelledException.class, job.execute(ctx).error());
        assertEquals("hi", job.execute(Context.background()).value());
    }

    @Test
    void anInterruptedJobLeavesTheInterruptFlagSet() {
        Job<Void, Void> job = Job.of("i", "interrupted", null, (ctx, a) -> {
            throw new InterruptedException("simulated");
        });
        assertInstanceOf(InterruptedException.class, job.execute(Context.background()).error());
        assertTrue(Thread.interrupted(), "the interrupt must be restored");
    }

    @Test
    void badArgumentsAreRejected() {
        JobDescriptor d = new JobDescriptor("1", "t", Map.of());
        assertThrows(NullPointerException.class, () -> new Job<>(null, (c, a) -> a, 1));
        assertThrows(NullPointerException.class, () -> new Job<Integer, Integer>(d, null, 1));
        assertThrows(NullPointerException.class, () -> Job.of("1", "t", 1, (c, a) -> a).execute(null));
    }
}
