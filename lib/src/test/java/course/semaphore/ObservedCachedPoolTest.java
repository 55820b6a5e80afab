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
        assertThrows(IllegalArgumentException.class, () -> new ObservedCachedPool(" "));
        assertThrows(IllegalArgumentException.class, () -> new ObservedCachedPool("p", Duration.ofMillis(-1)));
    }

    @Test
    void countsTheThreadsItCreatesAndRecordsThemOverTime() throws InterruptedException {
        CountDownLatch bothRunning = new CountDownLatch(2);
        CountDownLatch finish = new CountDownLatch(1);
        ObservedCachedPool observed;
        try (ObservedCachedPool pool = new ObservedCachedPool("ocp-count")) {
            observed = pool;
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
            assertEquals(2, pool.threadsCreated());
            assertEquals(2, pool.threads().current());
            finish.countDown();
        }
        assertEquals(2, observed.threads().peak(), "a created thread stays counted after close");
        assertEquals(3, observed.threads().samples().size(), "the probe's start and one event per thread");
    }

    @Test
    void countsUncaughtExceptionsInsteadOfPrintingThem() throws InterruptedException {
        try (ObservedCachedPool pool = new ObservedCachedPool("ocp-uncaught")) {
            pool.execute(() -> {
                throw new IllegalStateException("lost");
            });
            TestThreads.await("the handler saw it", () -> pool.uncaught() == 1);
            assertEquals("lost", pool.lastUncaught().getMessage());
        }
    }

    @Test
    void rejectsTasksAfterShutdown() {
        try (ObservedCachedPool pool = new ObservedCachedPool("ocp-shut")) {
            pool.shutdown();
            assertThrows(RejectedExecutionException.class, () -> pool.execute(() -> { }));
        }
    }

    @Test
    void closeJoinsEveryThreadItCreated() {
        try (ObservedCachedPool pool = new ObservedCachedPool("ocp-leak", SHORT)) {
            for (int i = 0; i < 10; i++) {
                pool.execute(Thread::yield);
            }
        }
        assertEquals(0, TestThreads.alive("ocp-leak-"));
    }
}
