package course.evidence;

import java.util.Objects;

/**
 * The range a measured value is expected to fall in, with the words that describe it: about a
 * value within a relative tolerance, at least or at most a bound, between two bounds, or exactly a
 * count. Built by {@link Observation}'s methods; immutable.
 *
 * @param low         the smallest accepted value (may be {@code -Infinity})
 * @param high        the largest accepted value (may be {@code +Infinity})
 * @param description what was expected, in words, with its tolerance, e.g. {@code about 2× (± 25%)}
 */
public record Expectation(double low, double high, String description) {
    /** @throws IllegalArgumentException when the bounds are NaN or out of order */
    public Expectation {
        Objects.requireNonNull(description, "description");
        if (Double.isNaN(low) || Double.isNaN(high) || low > high) {
            throw new IllegalArgumentException("an expected range needs low <= high, got [" + low + ", " + high + "]");
        }
    }

    /** {@code value} within {@code tolerance} (a fraction: 0.25 is ± 25%) of it. */
    static Expectation about(double value, double tolerance, String unit) {
        requireFinite("expected value", value);
        if (!(tolerance >= 0 && tolerance < 1)) {
            throw new IllegalArgumentException("a relative tolerance is a fraction in [0, 1), got " + tolerance);
        }
        double a = value * (1 - tolerance);
        double b = value * (1 + tolerance);
        return new Expectation(Math.min(a, b), Math.max(a, b),
                "about " + Observation.format(value, unit) + " (± " + course.Numbers.plain(tolerance * 100) + "%)");
    }

    static Expectation atLeast(double bound, String unit) {
        requireFinite("lower bound", bound);
        return new Expectation(bound, Double.POSITIVE_INFINITY, "at least " + Observation.format(bound, unit));
    }

    static Expectation atMost(double bound, String unit) {
        requireFinite("upper bound", bound);
        return new Expectation(Double.NEGATIVE_INFINITY, bound, "at most " + Observation.format(bound, unit));
    }

    static Expectation between(double low, double high, String unit) {
        requireFinite("lower bound", low);
        requireFinite("upper bound", high);
        if (low > high) {
            throw new IllegalArgumentException("between needs low <= high, got " + low + " and " + high);
        }
        return new Expectation(low, high, "between " + Observation.format(low, unit) + " and "
                + Observation.format(high, unit));
    }

    static Expectation exactly(double value, String unit) {
        requireFinite("expected value", value);
        return new Expectation(value, value, "exactly " + Observation.format(value, unit));
    }

    /** Whether {@code value} falls inside the range (a NaN never does). */
    public boolean accepts(double value) {
        return value >= low && value <= high;
    }

    private static void requireFinite(String what, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("the " + what + " must be finite, got " + v);
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
