package course.concurrent.internal;

import course.testing.Delays;
import course.testing.TestThreads;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JoinTest {
    /** The one delay of this class. */
    static final Duration SHORT = Delays.SHORT;

    @Test
    void joinAllReturnsOnlyOnceEveryThreadHasEnded() throws InterruptedException {
        TestThreads started = new TestThreads("threads-test");
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            threads.add(started.start(() -> Thread.sleep(SHORT)));
        }
        Join.all(threads);
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
            Join.all(List.of(sleeper));
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
        assertFalse(Join.all(List.of(waiter), System.nanoTime() + SHORT.toNanos()),
                "joinAll said a blocked thread had ended");
        assertTrue(waiter.isAlive());
        release.countDown();
        assertTrue(Join.all(List.of(waiter), Durations.deadlineAfter(Delays.LONG)),
                "joinAll gave up on a thread that was ending");
        threads.joinAll();
    }

    @Test
    void joinAllRefusesANullThread() {
        List<Thread> withNull = new ArrayList<>();
        withNull.add(null);
        assertThrows(NullPointerException.class, () -> Join.all(withNull));
    }

    @Test
    void withGraceReturnsOnceEveryThreadHasEnded() throws InterruptedException {
        TestThreads threads = new TestThreads("join-test-grace");
        List<Thread> sleepers = List.of(threads.start(() -> Thread.sleep(SHORT)), threads.start(() -> Thread.sleep(SHORT)));
        Join.withGrace("the test", sleepers, Delays.LONG, "none.");
        TestThreads.assertAllTerminated(sleepers);
        threads.joinAll();
    }

    @Test
    void withGraceInterruptsTheThreadsLeftAfterTheNudge() throws InterruptedException {
        TestThreads threads = new TestThreads("join-test-nudge");
        Thread sleeper = threads.start(() -> assertThrows(InterruptedException.class, () -> Thread.sleep(Duration.ofDays(1))));
        Join.withGrace("the test", List.of(sleeper), SHORT, Delays.LONG, "none.");
        assertFalse(sleeper.isAlive(), "withGrace returned before the thread ended");
        threads.joinAll();
    }

    @Test
    void withGraceGivesUpNamingTheThreadsLeft() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        TestThreads threads = new TestThreads("join-test-stubborn");
        Thread stubborn = threads.start(() -> {
            while (release.getCount() > 0) {
                try {
                    release.await();
                } catch (InterruptedException ignored) {
                    // a thread that ignores interrupts
                }
            }
        });
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Join.withGrace("the owner", List.of(stubborn), Duration.ZERO, SHORT, "It ignores interrupts."));
        assertTrue(e.getMessage().startsWith("the owner did not close: 1 of its threads [" + stubborn.getName() + "]"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("It ignores interrupts."), e.getMessage());
        assertFalse(Thread.currentThread().isInterrupted());
        release.countDown();
        threads.joinAll();
    }

    @Test
    void anInterruptOfTheCloserNudgesAtOnceAndIsRestored() throws InterruptedException {
        TestThreads threads = new TestThreads("join-test-hurry");
        Thread sleeper = threads.start(() -> assertThrows(InterruptedException.class, () -> Thread.sleep(Duration.ofDays(1))));
        Thread closer = threads.start(() -> {
            Join.withGrace("the test", List.of(sleeper), Duration.ofDays(1), Duration.ofDays(1), "none.");
            assertFalse(sleeper.isAlive(), "withGrace returned before the thread ended");
            assertTrue(Thread.currentThread().isInterrupted(), "withGrace swallowed the interrupt");
        });
        TestThreads.await("the closer waits", () -> closer.getState() == Thread.State.TIMED_WAITING);
        closer.interrupt();
        threads.joinAll();
    }

    @Test
    void interruptiblyThrowsWhenTheWaiterIsInterruptedAndOnlyLooksPastItsDeadline() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        TestThreads threads = new TestThreads("join-test-interruptibly");
        Thread waiter = threads.start(release::await);
        assertFalse(Join.interruptibly(List.of(waiter), System.nanoTime() - 1), "a blocked thread counted as ended");
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> Join.interruptibly(List.of(waiter), Durations.deadlineAfter(Delays.LONG)));
        assertFalse(Thread.interrupted(), "the interrupt flag was left set");
        release.countDown();
        assertTrue(Join.interruptibly(List.of(waiter), Durations.deadlineAfter(Delays.LONG)));
        threads.joinAll();
    }
}
