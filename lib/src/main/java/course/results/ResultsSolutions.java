package course.results;

import java.util.function.Function;

/**
 * One answer to each of chapter 6's {@link ResultsExercises}. They duplicate the chapter's
 * collapsed solution cells, which are where a learner reads them; they are kept here only so that
 * {@code ResultsSolutionsTest} checks that the model answers still pass.
 *
 * <pre>{@code
 * ResultsExercises.checkCompare(ResultsSolutions::compare);   // PASS: 6 of 6 pairs read right ...
 * }</pre>
 */
public final class ResultsSolutions {
    private ResultsSolutions() {
    }

    /** Exercise 1: a score in nanoseconds per event, as events per second. */
    public static double eventsPerSecond(BenchResult projection) {
        return 1e9 / projection.score();
    }

    /** Exercise 2: a/b and its error, the relative errors added in quadrature (a missing error counts as 0). */
    public static double[] ratioWithError(BenchResult a, BenchResult b) {
        double ratio = a.score() / b.score();
        double rel = Math.hypot(a.errorOrZero() / a.score(), b.errorOrZero() / b.score());
        return new double[]{ratio, ratio * rel};
    }

    /** Exercise 3: the pitfall of each snippet. */
    public static final Function<Integer, String> PITFALLS = n -> switch (n) {
        case 1 -> "dead code";
        case 2 -> "warm-up";
        case 3 -> "profile pollution";
        case 4 -> "constant folding";
        default -> "?";
    };

    /** Exercise 4: cheaper, dearer or within error, from the two 99.9% intervals. */
    public static String compare(BenchResult a, BenchResult b) {
        double aLow = a.score() - a.errorOrZero();
        double aHigh = a.score() + a.errorOrZero();
        double bLow = b.score() - b.errorOrZero();
        double bHigh = b.score() + b.errorOrZero();
        if (aHigh < bLow) {
            return "cheaper";
        }
        if (aLow > bHigh) {
            return "dearer";
        }
        return "within error";
    }
}
