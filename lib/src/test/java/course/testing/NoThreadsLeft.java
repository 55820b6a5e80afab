package course.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Test extension: counts a family of live threads before each test and fails the test if more
 * are alive after it (waiting, boundedly, for stragglers to end). Register it with the counter of
 * the threads the package under test starts:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final NoThreadsLeft NO_THREADS_LEFT = new NoThreadsLeft(TestData::awaitPoolThreadsAtMost, () -> "pool threads left running");
 * }</pre>
 */
public final class NoThreadsLeft implements BeforeEachCallback, AfterEachCallback {
    /** Waits, bounded, until at most {@code expected} threads of the family are alive; returns how many are. */
    @FunctionalInterface
    public interface Counter {
        long awaitAtMost(long expected) throws InterruptedException;
    }

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(NoThreadsLeft.class);
    private static final String BEFORE = "threads before";

    private final Counter counter;
    private final Supplier<String> failureMessage;

    /** @param failureMessage what the failure says when threads are left, computed when it happens */
    public NoThreadsLeft(Counter counter, Supplier<String> failureMessage) {
        this.counter = Objects.requireNonNull(counter, "counter");
        this.failureMessage = Objects.requireNonNull(failureMessage, "failureMessage");
    }

    /**
     * Waits up to {@code patience} until {@code live} reports at most {@code expected} threads,
     * and returns its last report; the caller asserts on it. A building block for a {@link Counter}.
     */
    public static long awaitAtMost(long expected, LongSupplier live, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        long count = live.getAsLong();
        while (count > expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
            count = live.getAsLong();
        }
        return count;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws InterruptedException {
        context.getStore(NAMESPACE).put(BEFORE, counter.awaitAtMost(0));
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        long before = context.getStore(NAMESPACE).get(BEFORE, Long.class);
        assertEquals(before, counter.awaitAtMost(before), failureMessage);
    }
}
