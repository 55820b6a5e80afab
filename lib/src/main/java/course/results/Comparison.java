package course.results;

import course.Numbers;
import course.evidence.Observation;

import java.util.Objects;

/**
 * Two benchmark results of one run compared the way JMH's errors allow: by their 99.9%
 * confidence intervals ({@code score ± error}). One is <em>cheaper</em> than the other only when
 * its whole interval lies below the other's; when the intervals overlap the two are
 * <em>within error</em> of each other, and the run does not show a difference. Their ratio
 * {@code a / b} carries an error too: the relative errors of both scores added in quadrature,
 * {@code ratio * sqrt((ea/a)^2 + (eb/b)^2)}.
 *
 * <p>Scores are costs (time per operation, as every benchmark of the course's suite reports):
 * lower is cheaper. A result without an error (JMH gives none for a single iteration) counts as
 * exact, which can only make a difference look firmer than it is.
 *
 * <p>Each {@code expect...} method ends in an {@link Observation} that a chapter's cell prints:
 *
 * <pre>{@code
 * Comparison.of("ThreadPoolExecutor(2)", run.get("PoolBench.threadPoolExecutor2", "task", "noop"),
 *               "WorkerPool", run.get("PoolBench.workerPoolPlatform", "task", "noop"))
 *         .expectCheaper()
 * // Observed: ThreadPoolExecutor(2) vs WorkerPool: expected ThreadPoolExecutor(2) cheaper, their 99.9%
 * //   intervals apart; measured 115 ± 18.3 vs 2,180 ± 285 ns/op, WorkerPool costs 18.9 ± 3.9× as much:
 * //   ThreadPoolExecutor(2) cheaper — as expected
 * }</pre>
 *
 * @param nameA  what {@code a} is, in words, as the observation names it
 * @param a      the first result
 * @param nameB  what {@code b} is, in words
 * @param b      the second result
 * @param reason what the outcome depends on beyond the code (cores, load), printed by an
 *               observation that did not hold; empty when not given
 */
public record Comparison(String nameA, BenchResult a, String nameB, BenchResult b, String reason) {
    /** How the first result's interval lies against the second's. */
    public enum Outcome {
        /** The first interval lies wholly below the second: the first is cheaper. */
        CHEAPER,
        /** The intervals overlap: the run shows no difference. */
        WITHIN_ERROR,
        /** The first interval lies wholly above the second: the first is dearer. */
        DEARER
    }

    /**
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when a name is blank, a score is not positive, the units
     *                                  differ, or a score is a throughput (higher is better)
     */
    public Comparison {
        Objects.requireNonNull(nameA, "nameA");
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(nameB, "nameB");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(reason, "reason");
        if (nameA.isBlank() || nameB.isBlank()) {
            throw new IllegalArgumentException("a comparison names both results; got '" + nameA + "' and '" + nameB + "'");
        }
        for (BenchResult r : new BenchResult[]{a, b}) {
            if (!(r.score() > 0) || !Double.isFinite(r.score())) {
                throw new IllegalArgumentException(r.label() + " has score " + r.score() + "; a comparison needs positive scores");
            }
            if (r.mode().equals("thrpt")) {
                throw new IllegalArgumentException(r.label() + " is a throughput score (higher is better); "
                        + "a comparison reads costs: benchmark it in average-time mode");
            }
        }
        if (!a.unit().equals(b.unit())) {
            throw new IllegalArgumentException("cannot compare " + a.label() + " in " + a.unit() + " with "
                    + b.label() + " in " + b.unit());
        }
    }

    /** Starts a comparison of {@code a} (named {@code nameA}) with {@code b} (named {@code nameB}). */
    public static Comparison of(String nameA, BenchResult a, String nameB, BenchResult b) {
        Objects.requireNonNull(nameA, "nameA");
        Objects.requireNonNull(nameB, "nameB");
        return new Comparison(nameA.strip(), a, nameB.strip(), b, "");
    }

    /**
     * This comparison, with what its outcome depends on beyond the code (for example "two cores:
     * a waiting thread parks"), which an observation that did not hold prints.
     */
    public Comparison dependsOn(String reason) {
        return new Comparison(nameA, a, nameB, b, Objects.requireNonNull(reason, "reason").strip());
    }

    /** The lower end of a result's 99.9% interval, never below zero (a cost is not negative). */
    public static double low(BenchResult r) {
        return Math.max(0, r.score() - r.errorOrZero());
    }

    /** The upper end of a result's 99.9% interval. */
    public static double high(BenchResult r) {
        return r.score() + r.errorOrZero();
    }

    /** {@code a.score() / b.score()}: how many times as dear {@code a} is as {@code b}. */
    public double ratio() {
        return a.score() / b.score();
    }

    /** The ratio's error: the relative errors of both scores added in quadrature, times the ratio. */
    public double ratioError() {
        return ratio() * Math.hypot(a.errorOrZero() / a.score(), b.errorOrZero() / b.score());
    }

    /** The lower end of the ratio's interval, {@code ratio - ratioError}, never below zero. */
    public double ratioLow() {
        return Math.max(0, ratio() - ratioError());
    }

    /** The upper end of the ratio's interval, {@code ratio + ratioError}. */
    public double ratioHigh() {
        return ratio() + ratioError();
    }

    /** The ratio with its error and interval, e.g. {@code 10.9 ± 4.8× (interval 6.1 to 15.7×)}. */
    public String ratioInWords() {
        return times(ratio(), ratioError()) + " (interval " + Numbers.plain(ratioLow()) + " to " + times(ratioHigh()) + ")";
    }

    /** Where {@code a}'s interval lies against {@code b}'s. Touching intervals overlap. */
    public Outcome outcome() {
        if (high(a) < low(b)) {
            return Outcome.CHEAPER;
        }
        if (low(a) > high(b)) {
            return Outcome.DEARER;
        }
        return Outcome.WITHIN_ERROR;
    }

    /** Expects {@code a} cheaper than {@code b}, their intervals apart. */
    public Observation expectCheaper() {
        return start().expect(nameA + " cheaper, their 99.9% intervals apart")
                .measuredThat(outcome() == Outcome.CHEAPER, measured());
    }

    /** Expects {@code a} dearer than {@code b}, their intervals apart. */
    public Observation expectDearer() {
        return start().expect(nameA + " dearer, their 99.9% intervals apart")
                .measuredThat(outcome() == Outcome.DEARER, measured());
    }

    /** Expects no difference this run can show: the two intervals overlap. */
    public Observation expectWithinError() {
        return start().expect("within error of each other, their 99.9% intervals overlapping")
                .measuredThat(outcome() == Outcome.WITHIN_ERROR, measured());
    }

    /**
     * Expects the ratio {@code a / b} to be at least {@code bound}: its whole interval
     * ({@code ratio ± ratioError}) at or above it.
     *
     * @throws IllegalArgumentException when the bound is not positive and finite
     */
    public Observation expectRatioAtLeast(double bound) {
        return ratioObservation(requireBound(bound), Double.POSITIVE_INFINITY,
                "at least " + times(bound), "above " + times(bound), "below " + times(bound));
    }

    /**
     * Expects the ratio {@code a / b} to be at most {@code bound}: its whole interval at or below it.
     *
     * @throws IllegalArgumentException when the bound is not positive and finite
     */
    public Observation expectRatioAtMost(double bound) {
        return ratioObservation(0, requireBound(bound),
                "at most " + times(bound), "below " + times(bound), "above " + times(bound));
    }

    /**
     * Expects the ratio {@code a / b} between {@code low} and {@code high}: its whole interval inside.
     *
     * @throws IllegalArgumentException when a bound is not positive and finite, or low > high
     */
    public Observation expectRatioBetween(double low, double high) {
        requireBound(low);
        requireBound(high);
        if (low > high) {
            throw new IllegalArgumentException("between needs low <= high, got " + low + " and " + high);
        }
        return ratioObservation(low, high, "between " + times(low) + " and " + times(high), "inside the range", "outside the range");
    }

    /**
     * An observation of the ratio's interval against [low, high]: it held when the whole interval
     * is inside, and the words say {@code inside}, {@code outside} or "within error" of a bound.
     */
    private Observation ratioObservation(double low, double high, String expected, String inside,
                                         String outside) {
        double lo = ratioLow();
        double hi = ratioHigh();
        boolean held = lo >= low && hi <= high;
        boolean out = hi < low || lo > high;
        String where = held ? inside : out ? outside : "within error of " + (lo < low ? times(low) : times(high));
        return Observation.of(nameA + " / " + nameB).dependsOn(reason)
                .expect(expected + ", its whole 99.9% interval").measuredThat(held, ratioInWords() + ": " + where);
    }

    /** An observation of this comparison, its subject and what it depends on set. */
    private Observation.Builder start() {
        return Observation.of(subject()).dependsOn(reason);
    }

    /** {@code nameA vs nameB}. */
    String subject() {
        return nameA + " vs " + nameB;
    }

    /**
     * The two scores, their ratio (the dearer over the cheaper, so that it reads as "costs so
     * many times as much") and the outcome, in words.
     */
    String measured() {
        String scores = Numbers.plain(a.score()) + " ± " + Numbers.plain(a.errorOrZero()) + " vs "
                + Numbers.plain(b.score()) + " ± " + Numbers.plain(b.errorOrZero()) + " " + a.unit();
        double r = ratio();
        double e = ratioError();
        String ratio = r >= 1 ? nameA + " costs " + times(r, e) + " as much"
                : nameB + " costs " + times(1 / r, e / (r * r)) + " as much";
        String outcome = switch (outcome()) {
            case CHEAPER -> nameA + " cheaper";
            case DEARER -> nameA + " dearer";
            case WITHIN_ERROR -> "within error";
        };
        return scores + ", " + ratio + ": " + outcome;
    }

    @Override
    public String toString() {
        return subject() + ": " + measured();
    }

    private static String times(double value) {
        return Numbers.plain(value) + "×";
    }

    private static String times(double value, double error) {
        return Numbers.plain(value) + " ± " + Numbers.plain(error) + "×";
    }

    private static double requireBound(double bound) {
        if (!(bound > 0) || !Double.isFinite(bound)) {
            throw new IllegalArgumentException("a ratio's bound must be positive and finite, got " + bound);
        }
        return bound;
    }
}
