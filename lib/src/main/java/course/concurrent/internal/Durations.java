package course.concurrent.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Timeouts that saturate instead of overflowing: every timed wait of the course converts its
 * timeout here.
 *
 * <p>{@link Duration#toNanos()} throws {@link ArithmeticException} for a duration beyond about
 * 292 years, which a caller may well pass to mean "no limit" ({@code Duration.ofSeconds(Long.MAX_VALUE)},
 * {@code ChronoUnit.FOREVER.getDuration()}). {@link #nanos(Duration)} and the deadlines below
 * saturate instead, as the JDK's own timed waits do ({@link TimeUnit#convert(Duration)}).
 *
 * <pre>{@code
 * long deadline = Durations.deadlineAfter(timeout);      // never wraps, never throws
 * while (!done() && deadline - System.nanoTime() > 0) {
 *     ...
 * }
 * }</pre>
 */
public final class Durations {
    private Durations() {
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

    /**
     * Like {@link #deadlineAfter(Duration)}, for a timeout given as an amount of {@code unit}, as
     * the {@code BlockingQueue} methods take it: {@code Long.MAX_VALUE} of any unit waits as long
     * as it takes, and a negative amount counts as zero.
     *
     * @throws NullPointerException when {@code unit} is null
     */
    public static long deadlineAfter(long timeout, TimeUnit unit) {
        Objects.requireNonNull(unit, "unit");
        return System.nanoTime() + Math.max(0, unit.toNanos(timeout)); // toNanos saturates
    }
}
