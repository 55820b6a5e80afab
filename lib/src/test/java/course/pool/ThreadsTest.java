package course.pool;

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
    static final Duration SHORT = Duration.ofMillis(20);

    @Test
    void joinAllReturnsOnlyOnceEveryThreadHasEnded() {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            threads.add(Thread.ofPlatform().name("threads-test-" + i).start(() -> sleep(SHORT)));
        }
        Threads.joinAll(threads);
        for (Thread t : threads) {
            assertFalse(t.isAlive(), t.getName() + " still alive after joinAll");
        }
    }

    @Test
    void joinAllWaitsThroughAnInterruptAndRestoresIt() throws InterruptedException {
        CountDownLatch joining = new CountDownLatch(1);
        Thread sleeper = Thread.ofPlatform().name("threads-test-sleeper").start(() -> {
            awaitQuietly(joining);
            sleep(SHORT.multipliedBy(3));
        });
        boolean[] seen = new boolean[2];
        Thread joiner = Thread.ofPlatform().name("threads-test-joiner").start(() -> {
            joining.countDown();
            Threads.joinAll(List.of(sleeper));
            seen[0] = !sleeper.isAlive();
            seen[1] = Thread.currentThread().isInterrupted();
        });
        joining.await();
        joiner.interrupt();
        joiner.join();
        sleeper.join();
        assertTrue(seen[0], "joinAll returned before the thread ended");
        assertTrue(seen[1], "joinAll swallowed the interrupt");
    }

    @Test
    void joinAllWithADeadlineSaysWhetherEveryThreadEnded() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        Thread waiter = Thread.ofPlatform().name("threads-test-waiter").start(() -> awaitQuietly(release));
        assertFalse(Threads.joinAll(List.of(waiter), System.nanoTime() + SHORT.toNanos()),
                "joinAll said a blocked thread had ended");
        assertTrue(waiter.isAlive());
        release.countDown();
        assertTrue(Threads.joinAll(List.of(waiter), System.nanoTime() + SHORT.multipliedBy(500).toNanos()),
                "joinAll gave up on a thread that was ending");
        waiter.join();
    }

    @Test
    void joinAllRefusesANullThread() {
        List<Thread> withNull = new ArrayList<>();
        withNull.add(null);
        assertThrows(NullPointerException.class, () -> Threads.joinAll(withNull));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
    void aDeadlineAfterAHugeTimeoutStaysAheadAndOneAfterANegativeTimeoutIsNow() {
        long far = Threads.deadlineAfter(Duration.ofSeconds(Long.MAX_VALUE));
        assertTrue(far - System.nanoTime() > Duration.ofDays(365L * 200).toNanos(), "the far deadline wrapped round");
        long past = Threads.deadlineAfter(Duration.ofSeconds(Long.MIN_VALUE));
        assertTrue(past - System.nanoTime() <= 0, "a negative timeout must give a deadline that has passed");
        assertTrue(Threads.joinAll(List.of(Thread.ofPlatform().start(() -> { })), far));
        NullPointerException e = assertThrows(NullPointerException.class, () -> Threads.deadlineAfter(null));
        assertEquals("timeout", e.getMessage());
    }
}
