package course.semaphore;

import course.testing.Delays;
import course.testing.TestThreads;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContentionTest {
    /** The one duration of this class: how long each measurement runs. */
    static final Duration SHORT = Delays.SHORT;

    @Test
    void countsTheAcquiresOfEveryThread() throws InterruptedException {
        for (boolean fair : new boolean[]{true, false}) {
            Contention.Result r = Contention.measure(fair, 1, 4, SHORT, 10);
            assertEquals(fair, r.fair());
            assertEquals(4, r.threads());
            assertTrue(r.acquires() > 0);
            assertTrue(r.nanosPerAcquire() > 0);
            assertTrue(r.maxWaitNanos() >= r.meanWaitNanos());
        }
    }

    @Test
    void theMedianRunIsOneOfTheRuns() throws InterruptedException {
        Contention.Result r = Contention.median(3, false, 1, 2, SHORT, 10);
        assertEquals(2, r.threads());
        assertTrue(r.acquires() > 0);
        assertThrows(IllegalArgumentException.class, () -> Contention.median(0, false, 1, 2, SHORT, 10));
    }

    @Test
    void leavesNoThreadBehind() throws InterruptedException {
        Contention.measure(false, 2, 6, SHORT, 0);
        assertEquals(0, TestThreads.alive("contention-"));
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> Contention.measure(true, 0, 1, SHORT, 0));
        assertThrows(IllegalArgumentException.class, () -> Contention.measure(true, 1, 1, Duration.ZERO, 0));
        assertThrows(IllegalArgumentException.class, () -> Contention.measure(true, 1, 1, SHORT, -1));
    }
}
