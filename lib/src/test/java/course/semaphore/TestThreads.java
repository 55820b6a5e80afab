package course.semaphore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Threads for tests: every thread started here is joined by {@link #joinAll()}, and any
 * failure inside one is reported there as a test failure.
 */
final class TestThreads {
    /** How long a join may take before the test calls it a hang. Generous, for loaded machines. */
    static final Duration JOIN_LIMIT = Duration.ofSeconds(30);

    interface Body {
        void run() throws Exception;
    }

    private final String prefix;
    private final List<Thread> threads = new ArrayList<>();
    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();

    TestThreads(String prefix) {
        this.prefix = prefix;
    }

    /** Starts a platform thread named prefix-N that runs {@code body}, recording any failure. */
    Thread start(Body body) {
        Thread t = Thread.ofPlatform().name(prefix + "-" + (threads.size() + 1)).unstarted(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failures.add(e);
            }
        });
        threads.add(t);
        t.start();
        return t;
    }

    /** Joins every thread, failing the test if one hangs or failed. */
    void joinAll() throws InterruptedException {
        for (Thread t : threads) {
            if (!t.join(JOIN_LIMIT)) {
                t.interrupt();
                fail("thread " + t.getName() + " did not finish within " + JOIN_LIMIT);
            }
        }
        Throwable first = failures.peek();
        if (first != null) {
            AssertionError error = new AssertionError(failures.size() + " thread(s) failed; first: " + first, first);
            failures.stream().skip(1).forEach(error::addSuppressed);
            throw error;
        }
    }

    /** Live platform threads whose name starts with {@code prefix}. */
    static long alive(String prefix) {
        Set<Thread> all = Thread.getAllStackTraces().keySet();
        return all.stream().filter(t -> t.getName().startsWith(prefix) && t.isAlive()).count();
    }

    /** Waits (polling) until {@code condition} holds, failing after the join limit. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + JOIN_LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what);
            }
            Thread.sleep(1);
        }
    }

    /** Asserts that every thread in {@code seen} has terminated. */
    static void assertAllTerminated(Iterable<Thread> seen) {
        for (Thread t : seen) {
            assertFalse(t.isAlive(), "thread " + t + " is still alive");
        }
    }
}
