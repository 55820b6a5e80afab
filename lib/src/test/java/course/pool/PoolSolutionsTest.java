package course.pool;

import course.concurrent.Context;
import course.concurrent.DeadlineExceededException;
import course.testing.Delays;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PoolSolutionsTest {
    static final Duration SHORT = Delays.SHORT;

    @Test
    void retryGivesUpWithTheLastFailure() {
        AtomicInteger calls = new AtomicInteger();
        JobFunction<Integer, Integer> alwaysFails = (ctx, n) -> {
            throw new IllegalStateException("failure " + calls.incrementAndGet());
        };
        Result<Integer> r = Job.of("x", "t", 1, PoolSolutions.retry(alwaysFails, 4)).execute(Context.background());
        assertEquals("failure 4", r.error().getMessage());
        assertEquals(4, calls.get());
    }

    @Test
    void retryRejectsFewerThanOneAttempt() {
        assertThrows(IllegalArgumentException.class, () -> PoolSolutions.retry((c, a) -> a, 0));
    }

    @Test
    void withTimeoutCutsTheJobButNotItsParent() {
        Context parent = Context.background().withCancel();
        JobFunction<Integer, Integer> slow = (ctx, n) -> {
            ctx.sleep(SHORT.multipliedBy(500));
            return n;
        };
        Result<Integer> r = Job.of("s", "t", 1, PoolSolutions.withTimeout(slow, SHORT)).execute(parent);
        assertInstanceOf(DeadlineExceededException.class, r.error());
        assertFalse(parent.isDone());
        parent.cancel();
        assertThrows(IllegalArgumentException.class, () -> PoolSolutions.withTimeout(slow, Duration.ZERO));
    }

    @Test
    void everySolutionPassesItsCheck() {
        assertTrue(PoolExercises.checkRetry((f, n) -> PoolSolutions.retry(f, n)).passed());
        assertTrue(PoolExercises.checkPerJobTimeout((f, d) -> PoolSolutions.withTimeout(f, d)).passed());
        assertTrue(PoolExercises.checkDeadlineAnswer(PoolSolutions.resultsOfATenNanosecondDeadline(4)).passed());
    }
}
