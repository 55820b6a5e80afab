package course.semaphore;

import course.testing.Delays;
import course.testing.TestThreads;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

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
    void theMedianRunsTheSettingAndRejectsNoRuns() throws InterruptedException {
        Contention.Result r = Contention.median(3, false, 1, 2, SHORT, 10);
        assertEquals(2, r.threads());
        assertTrue(r.acquires() > 0);
        assertThrows(IllegalArgumentException.class, () -> Contention.median(0, false, 1, 2, SHORT, 10));
    }

    @Test
    void theMedianTakesEachMeasureFromItsOwnMiddleRun() {
        List<Contention.Result> runs = List.of(
                new Contention.Result(true, 4, 300, 10, 7, 900),
                new Contention.Result(true, 4, 100, 30, 8, 100),
                new Contention.Result(true, 4, 200, 20, 9, 500));
        assertEquals(new Contention.Result(true, 4, 200, 20, 8, 500), Contention.median(runs));
    }

    @Test
    void theMedianRejectsRunsOfDifferentSettings() {
        assertThrows(IllegalArgumentException.class, () -> Contention.median(List.of()));
        assertThrows(IllegalArgumentException.class, () -> Contention.median(List.of(
                new Contention.Result(true, 4, 1, 1, 1, 1), new Contention.Result(false, 4, 1, 1, 1, 1))));
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
