package course.concurrent.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Small thread chores shared by the course's pools and executors.
 *
 * <pre>{@code
 * Threads.joinAll(List.of(generator, worker));   // returns once both have ended
 * Threads.joinAll(threads, Threads.deadlineAfter(Duration.ofSeconds(5)));  // or gives up
 * }</pre>
 *
 * <p><b>Timeouts.</b> {@link Duration#toNanos()} throws {@link ArithmeticException} for a
 * duration beyond about 292 years, which a caller may well pass to mean "no limit"
 * ({@code Duration.ofSeconds(Long.MAX_VALUE)}, {@code ChronoUnit.FOREVER.getDuration()}). Every
 * timed wait of the course converts its timeout with {@link #nanos(Duration)} or
 * {@link #deadlineAfter(Duration)}, which saturate instead, as the JDK's own timed waits do.
 */
public final class Threads {
    private Threads() {
    }

    /**
     * Waits until every thread of {@code threads} has ended, waiting on through interrupts. An
     * interrupt that arrives while waiting is remembered and restored on return, so a closing
     * resource never leaves a thread behind and never swallows an interrupt.
     *
     * @throws NullPointerException when {@code threads} or one of its threads is null
     */
    public static void joinAll(Iterable<Thread> threads) {
        Objects.requireNonNull(threads, "threads");
        boolean interrupted = false;
        for (Thread thread : threads) {
            Objects.requireNonNull(thread, "thread");
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Like {@link #joinAll(Iterable)}, but gives up once {@link System#nanoTime()} reaches
     * {@code deadline}. An interrupt while waiting is remembered and restored on return.
     *
     * @return whether every thread has ended
     * @throws NullPointerException when {@code threads} or one of its threads is null
     */
    public static boolean joinAll(Iterable<Thread> threads, long deadline) {
        Objects.requireNonNull(threads, "threads");
        boolean interrupted = false;
        try {
            for (Thread thread : threads) {
                Objects.requireNonNull(thread, "thread");
                while (thread.isAlive()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    try {
                        thread.join(Duration.ofNanos(left));
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
            return true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * {@code duration} in nanoseconds, saturated at {@link Long#MAX_VALUE} and
     * {@link Long#MIN_VALUE} beyond about 292 years either way, as
     * {@link TimeUnit#convert(Duration) TimeUnit.NANOSECONDS.convert(duration)} does (where
     * {@link Duration#toNanos()} throws).
     *
     * @throws NullPointerException when {@code duration} is null
     */
    public static long nanos(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        return TimeUnit.NANOSECONDS.convert(duration);
    }

    /**
     * The {@link System#nanoTime()} reading {@code timeout} from now, for a timed wait: a zero or
     * negative timeout gives now (the wait tries once and gives up), one beyond 292 years gives
     * the farthest reading ahead. Compare it only by difference, {@code deadline - System.nanoTime() > 0},
     * as {@code nanoTime} requires; the sum may wrap round, the difference does not.
     *
     * @throws NullPointerException when {@code timeout} is null
     */
    public static long deadlineAfter(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return System.nanoTime() + Math.max(0, nanos(timeout));
    }
}
