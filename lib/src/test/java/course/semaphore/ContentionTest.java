package course.semaphore;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContentionTest {
    @Test
    void measuresEveryAcquireOfEveryThread() throws InterruptedException {
        for (boolean fair : new boolean[]{true, false}) {
            Contention.Result r = Contention.measure(fair, 1, 4, 200, 10);
            assertEquals(fair, r.fair());
            assertEquals(800, r.acquires());
            assertTrue(r.nanosPerAcquire() > 0);
            assertTrue(r.maxWaitNanos() >= r.meanWaitNanos());
        }
    }

    @Test
    void leavesNoThreadBehind() throws InterruptedException {
        Contention.measure(false, 2, 6, 100, 0);
        assertEquals(0, TestThreads.alive("contention-"));
    }

    @Test
    void rejectsBadCounts() {
        assertThrows(IllegalArgumentException.class, () -> Contention.measure(true, 0, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> Contention.measure(true, 1, 1, 1, -1));
    }
}
