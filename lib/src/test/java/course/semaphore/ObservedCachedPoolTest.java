package course.semaphore;

import course.testing.Delays;
import course.testing.TestThreads;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ObservedCachedPoolTest {
    /** The one delay of this class. */
    static final Duration SHORT = Delays.SHORT.dividedBy(4);

    @Test
    void rejectsBadSettings() {
        InFlightProbe busy = new InFlightProbe("busy");
        assertThrows(IllegalArgumentException.class, () -> new ObservedCachedPool(" ", busy, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new ObservedCachedPool("p", busy, Duration.ofMillis(-1)));
    }

    @Test
    void recordsBusyThreadsAndCountsThreadsCreated() throws InterruptedException {
        InFlightProbe busy = new InFlightProbe("busy");
        CountDownLatch bothRunning = new CountDownLatch(2);
        CountDownLatch finish = new CountDownLatch(1);
        try (ObservedCachedPool pool = new ObservedCachedPool("ocp-count", busy, SHORT)) {
            for (int i = 0; i < 2; i++) {
                pool.execute(() -> {
                    bothRunning.countDown();
                    try {
                        finish.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            bothRunning.await();
            assertEquals(2, busy.current());
            assertEquals(2, pool.threadsCreated());
            finish.countDown();
        }
        assertEquals(0, busy.current());
        assertEquals(2, busy.peak());
    }

    @Test
    void countsUncaughtExceptionsInsteadOfPrintingThem() throws InterruptedException {
        try (ObservedCachedPool pool = new ObservedCachedPool("ocp-uncaught", new InFlightProbe("busy"), Duration.ZERO)) {
            pool.execute(() -> {
                throw new IllegalStateException("lost");
            });
            TestThreads.await("the handler saw it", () -> pool.uncaught() == 1);
            assertEquals("lost", pool.lastUncaught().getMessage());
        }
    }

    @Test
    void rejectsTasksAfterShutdown() {
        try (ObservedCachedPool pool = new ObservedCachedPool("ocp-shut", new InFlightProbe("busy"), Duration.ZERO)) {
            pool.shutdown();
            assertThrows(RejectedExecutionException.class, () -> pool.execute(() -> { }));
        }
    }

    @Test
    void closeJoinsEveryThreadItCreated() {
        try (ObservedCachedPool pool = new ObservedCachedPool("ocp-leak", new InFlightProbe("busy"), SHORT)) {
            for (int i = 0; i < 10; i++) {
                pool.execute(Thread::yield);
            }
        }
        assertEquals(0, TestThreads.alive("ocp-leak-"));
    }
}
