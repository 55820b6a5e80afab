package course.stress;

import course.semaphore.TokenSemaphore;
import course.testing.Delays;
import course.testing.TestThreads;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Chapter 2's {@link TokenSemaphore}: threads that take slots in every way it offers
 * ({@code acquire}, {@code tryAcquire} with and without a timeout, huge timeouts included),
 * hold them a random while and give them back, one thread that waits for every slot now and
 * then, and a close at a random moment. Checks that holders never outnumber the slots, that
 * every thread ends (a close wakes the blocked ones), that nothing but the close's own
 * {@code IllegalStateException} is thrown, and that a semaphore nobody closed ends empty.
 */
final class SemaphoreScenario implements Scenario {
    @Override
    public String name() {
        return "token-semaphore";
    }

    @Override
    public void run(SplittableRandom random, Outcome out) throws InterruptedException {
        int slots = random.nextInt(1, 5);
        int threads = random.nextInt(1, 9);
        int rounds = random.nextInt(1, 30);
        boolean awaiter = random.nextBoolean();
        boolean close = random.nextInt(3) == 0;
        long closeAfterNanos = random.nextLong(2_000_000);
        out.settings(slots + " slots, " + threads + " threads of " + rounds + " rounds"
                + (awaiter ? ", an awaitAll thread" : "") + (close ? ", closed after " + closeAfterNanos / 1000 + " µs" : ""));

        TokenSemaphore semaphore = new TokenSemaphore(slots);
        AtomicInteger holders = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        TestThreads workers = new TestThreads("stress-semaphore");
        for (int t = 0; t < threads; t++) {
            SplittableRandom mine = random.split();
            workers.start(() -> {
                try {
                    for (int r = 0; r < rounds; r++) {
                        if (take(semaphore, mine)) {
                            most.accumulateAndGet(holders.incrementAndGet(), Math::max);
                            LockSupport.parkNanos(mine.nextLong(200_000));
                            holders.decrementAndGet();
                            semaphore.release();
                        }
                    }
                } catch (IllegalStateException e) {
                    if (!semaphore.isClosed()) {
                        throw e;                             // only a close may end a worker this way
                    }
                }
            });
        }
        if (awaiter) {
            SplittableRandom mine = random.split();
            workers.start(() -> {
                try {
                    for (int r = 0; r < 3; r++) {
                        if (mine.nextBoolean()) {
                            semaphore.awaitAll();
                        } else {
                            semaphore.awaitAll(Duration.ofNanos(mine.nextLong(1_000_000)));
                        }
                    }
                } catch (IllegalStateException e) {
                    if (!semaphore.isClosed()) {
                        throw e;
                    }
                }
            });
        }
        long stopAt = 0;
        if (close) {
            LockSupport.parkNanos(closeAfterNanos);
            stopAt = System.nanoTime();
            semaphore.close();
        }
        try {
            workers.joinAll();
            if (close) {
                out.stopLatency(System.nanoTime() - stopAt);
            }
        } catch (AssertionError e) {
            out.violation(e.getMessage());
            semaphore.close();                                // wake whatever still waits
            workers.joinAll();
        }
        out.check(most.get() <= slots, most.get() + " holders at once of " + slots + " slots");
        if (!close) {
            out.check(semaphore.inUse() == 0, semaphore + " is not empty when every holder has released");
            out.check(semaphore.awaitAll(Delays.LONG), "awaitAll timed out on an idle semaphore");
            semaphore.close();
        }
    }

    /** Takes a slot in one of the semaphore's ways; whether one was taken. */
    private static boolean take(TokenSemaphore semaphore, SplittableRandom random) throws InterruptedException {
        return switch (random.nextInt(4)) {
            case 0 -> {
                semaphore.acquire();
                yield true;
            }
            case 1 -> semaphore.tryAcquire();
            case 2 -> semaphore.tryAcquire(Duration.ofNanos(random.nextLong(500_000)));
            default -> semaphore.tryAcquire(Duration.ofSeconds(Long.MAX_VALUE));
        };
    }
}
