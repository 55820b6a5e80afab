package course.testing;

import java.time.Duration;

/**
 * The delays of every test that waits, scaled from one place, as the JSR-166 TCK scales its
 * {@code SHORT_DELAY_MS} and {@code LONG_DELAY_MS}. A slow or loaded machine runs the tests with
 * longer delays by setting {@value #SCALE_PROPERTY}, e.g. {@code -Dcourse.test.delays=3} (every
 * delay three times as long), on the Maven command line or in the test JVM.
 *
 * <ul>
 *   <li>{@link #SHORT}: a pause that lets something happen (a thread reach its wait, a job
 *       run), the length of a slow job, a deadline that passes during a test. A test must be
 *       right whatever it is; it only makes the test exercise what it means to.</li>
 *   <li>{@link #LONG}: the bound on a wait for something that must happen (a join, a stream
 *       that closes, an await). It is reached only when the test fails, so it is generous.</li>
 * </ul>
 *
 * <pre>{@code
 * ctx.sleep(Delays.SHORT);                         // let the workers park
 * assertTrue(thread.join(Delays.LONG), "the thread did not end");
 * }</pre>
 */
public final class Delays {
    /** The system property that scales every delay: a positive factor, 1 unless set. */
    public static final String SCALE_PROPERTY = "course.test.delays";
    /** The factor every delay is multiplied by. */
    public static final double SCALE = scale(System.getProperty(SCALE_PROPERTY));
    /** A short pause: 20 ms, scaled. */
    public static final Duration SHORT = scaled(Duration.ofMillis(20));
    /** The bound on a wait for something that must happen: 20 s, scaled. Reached only on failure. */
    public static final Duration LONG = scaled(Duration.ofSeconds(20));

    private Delays() {
    }

    /** {@code n} short delays. */
    public static Duration shorts(int n) {
        return SHORT.multipliedBy(n);
    }

    /** {@code base} times {@link #SCALE}, at least a nanosecond. */
    public static Duration scaled(Duration base) {
        return Duration.ofNanos(Math.max(1, Math.round(base.toNanos() * SCALE)));
    }

    private static double scale(String value) {
        if (value == null || value.isBlank()) {
            return 1;
        }
        double factor;
        try {
            factor = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(SCALE_PROPERTY + " must be a positive number, got '" + value + "'", e);
        }
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException(SCALE_PROPERTY + " must be a positive number, got '" + value + "'");
        }
        return factor;
    }
}
