package course.testing;

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
 * failure inside one is reported there as a test failure (an assertion that fails in another
 * thread is otherwise lost). Waits are bounded by {@link Delays#LONG}.
 *
 * <pre>{@code
 * TestThreads threads = new TestThreads("reader");
 * threads.start(() -> assertEquals(10, pool.readAll().size()));
 * ...
 * threads.joinAll();                               // fails the test if a thread failed or hangs
 * }</pre>
 */
public final class TestThreads {
    /** How long a join may take before the test calls it a hang. */
    public static final Duration JOIN_LIMIT = Delays.LONG;

    /** What a test thread runs; it may throw anything, which {@link #joinAll()} reports. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    private final String prefix;
    private final List<Thread> threads = new ArrayList<>();
    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();

    /** Threads named {@code prefix-1}, {@code prefix-2}, ... */
    public TestThreads(String prefix) {
        this.prefix = prefix;
    }

    /** Starts a platform thread named prefix-N that runs {@code body}, recording any failure. */
    public Thread start(Body body) {
        return start(Thread.ofPlatform(), body);
    }

    /** Starts a virtual thread named prefix-N that runs {@code body}, recording any failure. */
    public Thread startVirtual(Body body) {
        return start(Thread.ofVirtual(), body);
    }

    private synchronized Thread start(Thread.Builder builder, Body body) {
        Thread t = builder.name(prefix + "-" + (threads.size() + 1)).unstarted(() -> {
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
    public void joinAll() throws InterruptedException {
        List<Thread> all;
        synchronized (this) {
            all = List.copyOf(threads);
        }
        List<String> hung = new ArrayList<>();
        long deadline = System.nanoTime() + JOIN_LIMIT.toNanos();
        for (Thread t : all) {
            if (!t.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
                t.interrupt();
                hung.add(t.getName());
            }
        }
        Throwable first = failures.peek();
        if (!hung.isEmpty()) {
            AssertionError error = new AssertionError("thread(s) " + hung + " did not finish within " + JOIN_LIMIT);
            failures.forEach(error::addSuppressed);
            throw error;
        }
        if (first != null) {
            AssertionError error = new AssertionError(failures.size() + " thread(s) failed; first: " + first, first);
            failures.stream().skip(1).forEach(error::addSuppressed);
            throw error;
        }
    }

    /** Live platform threads whose name starts with {@code prefix}. */
    public static long alive(String prefix) {
        return aliveNames(prefix).size();
    }

    /**
     * The names of the live platform threads whose name starts with {@code prefix}, sorted: the
     * JVM's own view, to check a library's registry against (it cannot see virtual threads).
     */
    public static List<String> aliveNames(String prefix) {
        Set<Thread> all = Thread.getAllStackTraces().keySet();
        return all.stream().filter(t -> t.getName().startsWith(prefix) && t.isAlive()).map(Thread::getName).sorted().toList();
    }

    /** Waits (polling) until {@code condition} holds, failing after the join limit. */
    public static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + JOIN_LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out after " + JOIN_LIMIT + " waiting until " + what);
            }
            Thread.sleep(1);
        }
    }

    /** Asserts that every thread in {@code seen} has terminated. */
    public static void assertAllTerminated(Iterable<Thread> seen) {
        for (Thread t : seen) {
            assertFalse(t.isAlive(), "thread " + t + " is still alive");
        }
    }
}
