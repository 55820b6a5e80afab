package course.concurrent.internal;

import course.testing.Delays;
import course.testing.TestThreads;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThreadsTest {
    /** The one delay of this class. */
    static final Duration SHORT = Delays.SHORT;

    @Test
    void joinAllReturnsOnlyOnceEveryThreadHasEnded() throws InterruptedException {
        TestThreads started = new TestThreads("threads-test");
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            threads.add(started.start(() -> Thread.sleep(SHORT)));
        }
        Threads.joinAll(threads);
        for (Thread t : threads) {
            assertFalse(t.isAlive(), t.getName() + " still alive after joinAll");
        }
        started.joinAll();
    }

    @Test
    void joinAllWaitsThroughAnInterruptAndRestoresIt() throws InterruptedException {
        CountDownLatch joining = new CountDownLatch(1);
        TestThreads threads = new TestThreads("threads-test");
        Thread sleeper = threads.start(() -> {
            joining.await();
            Thread.sleep(SHORT.multipliedBy(3));
        });
        Thread joiner = threads.start(() -> {
            joining.countDown();
            Threads.joinAll(List.of(sleeper));
            assertFalse(sleeper.isAlive(), "joinAll returned before the thread ended");
            assertTrue(Thread.currentThread().isInterrupted(), "joinAll swallowed the interrupt");
        });
        joining.await();
        joiner.interrupt();
        threads.joinAll();
    }

    @Test
    void joinAllWithADeadlineSaysWhetherEveryThreadEnded() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        TestThreads threads = new TestThreads("threads-test-waiter");
        Thread waiter = threads.start(release::await);
        assertFalse(Threads.joinAll(List.of(waiter), System.nanoTime() + SHORT.toNanos()),
                "joinAll said a blocked thread had ended");
        assertTrue(waiter.isAlive());
        release.countDown();
        assertTrue(Threads.joinAll(List.of(waiter), Threads.deadlineAfter(Delays.LONG)),
                "joinAll gave up on a thread that was ending");
        threads.joinAll();
    }

    @Test
    void joinAllRefusesANullThread() {
        List<Thread> withNull = new ArrayList<>();
        withNull.add(null);
        assertThrows(NullPointerException.class, () -> Threads.joinAll(withNull));
    }

    @Test
    void nanosSaturatesBeyond292YearsAsTheJdkDoes() {
        assertEquals(5_000_000, Threads.nanos(Duration.ofMillis(5)));
        assertEquals(-7, Threads.nanos(Duration.ofNanos(-7)));
        assertEquals(Long.MAX_VALUE, Threads.nanos(Duration.ofDays(365L * 300)));
        assertEquals(Long.MAX_VALUE, Threads.nanos(Duration.ofSeconds(Long.MAX_VALUE, 999_999_999)));
        assertEquals(Long.MIN_VALUE, Threads.nanos(Duration.ofSeconds(Long.MIN_VALUE)));
        NullPointerException e = assertThrows(NullPointerException.class, () -> Threads.nanos(null));
        assertEquals("duration", e.getMessage());
    }

    @Test
    void aDeadlineAfterAHugeTimeoutStaysAheadAndOneAfterANegativeTimeoutIsNow() throws InterruptedException {
        long far = Threads.deadlineAfter(Duration.ofSeconds(Long.MAX_VALUE));
        assertTrue(far - System.nanoTime() > Duration.ofDays(365L * 200).toNanos(), "the far deadline wrapped round");
        long past = Threads.deadlineAfter(Duration.ofSeconds(Long.MIN_VALUE));
        assertTrue(past - System.nanoTime() <= 0, "a negative timeout must give a deadline that has passed");
        TestThreads threads = new TestThreads("threads-test-far");
        assertTrue(Threads.joinAll(List.of(threads.start(() -> { })), far));
        threads.joinAll();
        NullPointerException e = assertThrows(NullPointerException.class, () -> Threads.deadlineAfter(null));
        assertEquals("timeout", e.getMessage());
    }
}
