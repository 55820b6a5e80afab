package course.concurrent.internal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UninterruptiblyTest {
    /** A wait that is interrupted {@code times} times, then returns its attempt count. */
    private static Uninterruptibly.Call<Integer> interruptedTimes(int times, AtomicInteger attempts) {
        return () -> {
            if (attempts.incrementAndGet() <= times) {
                throw new InterruptedException("attempt " + attempts.get());
            }
            return attempts.get();
        };
    }

    @Test
    void aWaitRunsToItsEndThroughInterruptsAndTheFlagIsRestored() {
        AtomicInteger attempts = new AtomicInteger();
        assertEquals(3, Uninterruptibly.call(interruptedTimes(2, attempts)));
        assertTrue(Thread.interrupted(), "the interrupt was swallowed");

        AtomicInteger runs = new AtomicInteger();
        Uninterruptibly.run(() -> interruptedTimes(1, runs).call());
        assertEquals(2, runs.get());
        assertTrue(Thread.interrupted(), "the interrupt was swallowed");
    }

    @Test
    void aWaitThatIsNeverInterruptedLeavesTheFlagClear() {
        assertEquals(1, Uninterruptibly.call(interruptedTimes(0, new AtomicInteger())));
        assertFalse(Thread.interrupted(), "an interrupt appeared from nowhere");
    }

    @Test
    void onInterruptRunsAfterEachInterruptedAttempt() {
        AtomicInteger attempts = new AtomicInteger();
        List<Integer> seen = new ArrayList<>();
        Uninterruptibly.run(() -> interruptedTimes(2, attempts).call(), () -> seen.add(attempts.get()));
        assertEquals(List.of(1, 2), seen);
        assertTrue(Thread.interrupted(), "the interrupt was swallowed");
    }

    @Test
    void aScopeRestoresTheInterruptOnceWhenItCloses() {
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();
        try (Uninterruptibly.Scope scope = Uninterruptibly.scope()) {
            assertEquals(2, scope.call(interruptedTimes(1, first)));
            assertFalse(Thread.currentThread().isInterrupted(), "restored before the scope closed");
            assertTrue(scope.interrupted());
            scope.run(() -> interruptedTimes(1, second).call());
        }
        assertEquals(2, second.get());
        assertTrue(Thread.interrupted(), "the scope swallowed the interrupt");
    }
}
