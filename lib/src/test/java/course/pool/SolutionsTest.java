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

class SolutionsTest {
    static final Duration SHORT = Delays.SHORT;

    @Test
    void retryGivesUpWithTheLastFailure() {
        AtomicInteger calls = new AtomicInteger();
        JobFunction<Integer, Integer> alwaysFails = (ctx, n) -> {
            throw new IllegalStateException("failure " + calls.incrementAndGet());
        };
        Result<Integer> r = Job.of("x", "t", 1, Solutions.retry(alwaysFails, 4)).execute(Context.background());
        assertEquals("failure 4", r.error().getMessage());
        assertEquals(4, calls.get());
    }

    @Test
    void retryRejectsFewerThanOneAttempt() {
        assertThrows(IllegalArgumentException.class, () -> Solutions.retry((c, a) -> a, 0));
    }

    @Test
    void withTimeoutCutsTheJobButNotItsParent() {
        Context parent = Context.background().withCancel();
        JobFunction<Integer, Integer> slow = (ctx, n) -> {
            ctx.sleep(SHORT.multipliedBy(500));
            return n;
        };
        Result<Integer> r = Job.of("s", "t", 1, Solutions.withTimeout(slow, SHORT)).execute(parent);
        assertInstanceOf(DeadlineExceededException.class, r.error());
        assertFalse(parent.isDone());
        parent.cancel();
        assertThrows(IllegalArgumentException.class, () -> Solutions.withTimeout(slow, Duration.ZERO));
    }

    @Test
    void everySolutionPassesItsCheck() {
        assertTrue(Exercises.checkRetry((f, n) -> Solutions.retry(f, n)).passed());
        assertTrue(Exercises.checkPerJobTimeout((f, d) -> Solutions.withTimeout(f, d)).passed());
        assertTrue(Exercises.checkDeadlineAnswer(Solutions.resultsOfATenNanosecondDeadline(4)).passed());
    }
}
