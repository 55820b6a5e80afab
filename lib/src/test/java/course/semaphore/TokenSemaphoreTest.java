package course.semaphore;

import course.testing.Delays;
import course.testing.TestThreads;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenSemaphoreTest {
    /** The one delay of this class: long enough to let a thread block, short enough to keep the suite fast. */
    static final Duration SHORT = Delays.SHORT;

    @Test
    void rejectsANonPositiveSlotCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TokenSemaphore(0));
        assertTrue(e.getMessage().contains("at least one slot"), e.getMessage());
    }

    @Test
    void accountingFollowsAcquiresAndReleases() throws InterruptedException {
        TokenSemaphore s = new TokenSemaphore(3);
        assertEquals(3, s.total());
        assertEquals(0, s.inUse());
        assertEquals(3, s.free());
        s.acquire();
        s.acquire();
        assertEquals(2, s.inUse());
        assertEquals(1, s.free());
        assertEquals("TokenSemaphore[3 slots: 2 in use, 1 free]", s.toString());
        s.release();
        assertEquals(1, s.inUse());
        assertEquals(2, s.free());
    }

    @Test
    void tryAcquireFailsWhileEverySlotIsTaken() throws InterruptedException {
        TokenSemaphore s = new TokenSemaphore(2);
        assertTrue(s.tryAcquire());
        assertTrue(s.tryAcquire());
        assertFalse(s.tryAcquire());
        assertFalse(s.tryAcquire(SHORT));
        assertEquals(2, s.inUse());
    }

    @Test
    void aBlockedAcquireProceedsWhenASlotIsReleased() throws InterruptedException {
        TokenSemaphore s = new TokenSemaphore(1);
        s.acquire();
        AtomicInteger acquired = new AtomicInteger();
        TestThreads threads = new TestThreads("ts-blocked");
        threads.start(() -> {
            s.acquire();
            acquired.incrementAndGet();
        });
        Thread.sleep(SHORT);
        assertEquals(0, acquired.get(), "acquire must wait while the only slot is taken");
        s.release();
        threads.joinAll();
        assertEquals(1, acquired.get());
        assertEquals(1, s.inUse());
    }

    @Test
    void holdersNeverExceedTheSlotsUnderStress() throws InterruptedException {
        int slots = 3;
        TokenSemaphore s = new TokenSemaphore(slots);
        AtomicInteger holders = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        TestThreads threads = new TestThreads("ts-stress");
        for (int t = 0; t < 12; t++) {
            threads.start(() -> {
                for (int i = 0; i < 150; i++) {
                    s.acquire();
                    try {
                        int now = holders.incrementAndGet();
                        most.accumulateAndGet(now, Math::max);
                        if (ThreadLocalRandom.current().nextInt(4) == 0) {
                            TimeUnit.MICROSECONDS.sleep(ThreadLocalRandom.current().nextInt(200));
                        }
                        holders.decrementAndGet();
                    } finally {
                        s.release();
                    }
                }
            });
        }
        threads.joinAll();
        assertTrue(most.get() <= slots, "at most " + slots + " holders at once, saw " + most.get());
        assertEquals(0, s.inUse());
    }

    @Test
    void awaitAllReturnsOnlyAfterEveryHolderReleased() throws InterruptedException {
        for (int round = 0; round < 50; round++) {
            int slots = 4;
            TokenSemaphore s = new TokenSemaphore(slots);
            AtomicInteger released = new AtomicInteger();
            TestThreads threads = new TestThreads("ts-await");
            for (int i = 0; i < slots; i++) {
                s.acquire();                       // taken here, so awaitAll cannot start before them
                threads.start(() -> {
                    TimeUnit.MICROSECONDS.sleep(ThreadLocalRandom.current().nextInt(500));
                    released.incrementAndGet();    // counted before the slot goes back
                    s.release();
                });
            }
            s.awaitAll();
            assertEquals(slots, released.get(), "awaitAll returned while a holder still held its slot");
            threads.joinAll();
        }
    }

    @Test
    void awaitAllLeavesTheSemaphoreEmptyAndReusable() throws InterruptedException {
        TokenSemaphore s = new TokenSemaphore(2);
        s.awaitAll();
        assertEquals(0, s.inUse());
        s.acquire();
        s.release();
        assertTrue(s.awaitAll(SHORT));
        assertEquals(0, s.inUse());
    }

    @Test
    void awaitAllTimesOutWhileASlotIsHeld() throws InterruptedException {
        TokenSemaphore s = new TokenSemaphore(3);
        s.acquire();
        assertFalse(s.awaitAll(SHORT));
        assertEquals(1, s.inUse(), "the slots awaitAll took must be given back");
    }

    @Test
    void anInterruptedAwaitAllGivesBackTheSlotsItTook() throws InterruptedException {
        TokenSemaphore s = new TokenSemaphore(3);
        s.acquire();
        boolean interrupted = interruptWhileBlocked("ts-interrupt", s::awaitAll,
                "awaitAll has taken the two free slots", waiter -> s.inUse() == 3);
        assertTrue(interrupted, "awaitAll must throw InterruptedException");
        assertEquals(1, s.inUse());
    }

    @Test
    void acquireIsInterruptibleAndTakesNoSlotWhenInterrupted() throws InterruptedException {
        TokenSemaphore s = new TokenSemaphore(1);
        s.acquire();
        boolean interrupted = interruptWhileBlocked("ts-acq-interrupt", s::acquire,
                "the acquirer is blocked", t -> t.getState() == Thread.State.WAITING);
        assertTrue(interrupted);
        assertEquals(1, s.inUse());
    }

    /**
     * Runs {@code call} in a new thread, waits until {@code blocked} holds for that thread, interrupts
     * it, joins it, and tells whether {@code call} ended by throwing {@link InterruptedException}.
     */
    private static boolean interruptWhileBlocked(String name, Blocking call, String what,
                                                 Predicate<Thread> blocked)
            throws InterruptedException {
        CountDownLatch interrupted = new CountDownLatch(1);
        TestThreads threads = new TestThreads(name);
        Thread t = threads.start(() -> {
            try {
                call.run();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        TestThreads.await(what, () -> blocked.test(t));
        t.interrupt();
        threads.joinAll();
        return interrupted.getCount() == 0;
    }

    @Test
    void releaseWithoutAcquireFailsClearly() {
        TokenSemaphore s = new TokenSemaphore(2);
        IllegalStateException e = assertThrows(IllegalStateException.class, s::release);
        assertTrue(e.getMessage().contains("release without a matching acquire"), e.getMessage());
        assertEquals(0, s.inUse());
    }

    @Test
    void useAfterCloseFailsClearly() throws InterruptedException {
        TokenSemaphore s = new TokenSemaphore(2);
        s.acquire();
        s.close();
        s.close();                                 // idempotent
        assertTrue(s.isClosed());
        for (var call : new Runnable[]{
                () -> uncheck(s::acquire), () -> s.tryAcquire(), s::release, () -> uncheck(s::awaitAll)}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, call::run);
            assertTrue(e.getMessage().contains("closed semaphore"), e.getMessage());
        }
    }

    @Test
    void closeWakesEveryBlockedAcquirerWithAClearError() throws InterruptedException {
        TokenSemaphore s = new TokenSemaphore(1);
        s.acquire();
        AtomicInteger woken = new AtomicInteger();
        TestThreads threads = new TestThreads("ts-close");
        Thread[] waiters = new Thread[3];
        for (int i = 0; i < waiters.length; i++) {
            waiters[i] = threads.start(() -> {
                try {
                    s.acquire();
                } catch (IllegalStateException e) {
                    if (e.getMessage().contains("closed")) {
                        woken.incrementAndGet();
                    }
                }
            });
        }
        TestThreads.await("all acquirers are blocked", () -> {
            for (Thread w : waiters) {
                if (w.getState() != Thread.State.WAITING) {
                    return false;
                }
            }
            return true;
        });
        s.close();
        threads.joinAll();
        assertEquals(3, woken.get());
        assertEquals(0, s.inUse(), "a closed semaphore drains to empty");
    }

    private interface Blocking {
        void run() throws InterruptedException;
    }

    private static void uncheck(Blocking call) {
        try {
            call.run();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void durationsBeyond292YearsSaturateInsteadOfOverflowing() throws InterruptedException {
        Duration huge = Duration.ofSeconds(Long.MAX_VALUE);
        Duration hugeNegative = Duration.ofSeconds(Long.MIN_VALUE);
        TokenSemaphore s = new TokenSemaphore(2);
        assertTrue(s.tryAcquire(huge));
        assertTrue(s.tryAcquire(Duration.ofDays(365L * 300)));
        assertFalse(assertTimeoutPreemptively(Delays.LONG, () -> s.tryAcquire(hugeNegative)), "every slot is taken");
        s.release();
        s.release();
        assertTrue(s.awaitAll(huge));
        s.acquire();
        assertFalse(assertTimeoutPreemptively(Delays.LONG, () -> s.awaitAll(hugeNegative)), "a slot is held");
        assertEquals(1, s.inUse(), "the slots awaitAll took must be given back");
    }
}
