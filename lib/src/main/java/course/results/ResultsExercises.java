package course.results;

import course.Numbers;
import course.exercises.Check;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Chapter 6's exercises. Each {@code check} method runs the learner's answer on known inputs and
 * returns a {@link Check}: {@code PASS ...}, or {@code NOT YET ...} saying what was expected.
 * The chapter's collapsed solution cells hold one answer to each (so does {@link ResultsSolutions}).
 *
 * <pre>{@code
 * ResultsExercises.checkEventsPerSecond(r -> 1e9 / r.score())      // PASS: ...
 * }</pre>
 */
public final class ResultsExercises {
    private ResultsExercises() {
    }

    /** A made-up result, for checks that need exact numbers. */
    static BenchResult result(String name, double score, double error) {
        return new BenchResult("course.bench." + name, Map.of(), "avgt", 1, 1, score, error, "ns/op", 10);
    }

    /**
     * Exercise 1: turn a projection score (nanoseconds per event) into events per second.
     */
    public static Check checkEventsPerSecond(ToDoubleFunction<BenchResult> answer) {
        Objects.requireNonNull(answer, "answer");
        double[][] cases = {{2_000, 500_000}, {125, 8_000_000}, {40_000, 25_000}};
        for (double[] c : cases) {
            double got = answer.applyAsDouble(result("CqrsBench.projectEvents", c[0], 1));
            if (Math.abs(got - c[1]) > 1e-6 * c[1]) {
                return Check.notYet(String.format(Locale.ROOT, "%.0f ns per event should be %.0f events/s, you said %.1f",
                        c[0], c[1], got));
            }
        }
        return Check.pass("events per second = 1e9 / (ns per event)");
    }

    /**
     * Exercise 2: the ratio a/b of two scores, and its error from the relative errors of both
     * added in quadrature: {@code ratio * sqrt((ea/a)^2 + (eb/b)^2)}. The answer returns
     * {@code {ratio, error}}.
     */
    public static Check checkRatioWithError(BiFunction<BenchResult, BenchResult, double[]> answer) {
        Objects.requireNonNull(answer, "answer");
        BenchResult a = result("X.a", 300, 30);
        BenchResult b = result("X.b", 100, 20);
        double[] got = answer.apply(a, b);
        if (got == null || got.length != 2) {
            return Check.notYet("return a two-element array {ratio, error}");
        }
        double ratio = 3.0;
        double error = ratio * Math.hypot(0.1, 0.2);
        if (Math.abs(got[0] - ratio) > 1e-9) {
            return Check.notYet("300 ns / 100 ns is a ratio of 3, you said " + got[0]);
        }
        if (Math.abs(got[1] - error) > 1e-9) {
            return Check.notYet(String.format(Locale.ROOT, "with 10%% and 20%% relative errors the ratio's error is "
                    + "3 x sqrt(0.1² + 0.2²) = %.4f, you said %.4f", error, got[1]));
        }
        BenchResult c = result("X.c", 100, Double.NaN);
        double[] nan = answer.apply(a, c);
        if (nan == null || nan.length != 2 || !Double.isNaN(nan[1]) && Math.abs(nan[1] - ratio * 0.1) > 1e-9) {
            return Check.notYet("when b has no error (NaN), either report NaN or treat it as 0; you said "
                    + (nan == null ? "null" : Arrays.toString(nan)));
        }
        return Check.pass(String.format(Locale.ROOT, "3.00 ± %.2f; a ratio whose error bar crosses 1 is no difference", error));
    }

    /** The pitfalls of exercise 3. */
    public static final List<String> PITFALLS = List.of("warm-up", "dead code", "constant folding", "profile pollution");

    /**
     * Exercise 3: name the pitfall of each snippet, one of {@link #PITFALLS}. The answer maps a
     * snippet's number (1 to 4, as printed by {@link #snippets()}) to a pitfall.
     */
    public static Check checkPitfalls(Function<Integer, String> answer) {
        Objects.requireNonNull(answer, "answer");
        String[] expected = {"dead code", "warm-up", "profile pollution", "constant folding"};
        int right = 0;
        StringBuilder wrong = new StringBuilder();
        for (int i = 0; i < expected.length; i++) {
            String got = answer.apply(i + 1);
            if (expected[i].equals(got == null ? null : got.strip().toLowerCase(Locale.ROOT))) {
                right++;
            } else {
                wrong.append(" snippet ").append(i + 1).append(" is not '").append(got).append("';");
            }
        }
        return right == expected.length ? Check.pass("4 of 4 pitfalls named")
                : Check.notYet(right + " of 4 right;" + wrong + " choose from " + PITFALLS);
    }

    /** The four snippets of exercise 3, numbered. */
    public static String snippets() {
        return """
                1. long t0 = System.nanoTime(); for (int i = 0; i < n; i++) { Math.sqrt(i); } long t = System.nanoTime() - t0;
                2. long t0 = System.nanoTime(); parse(line); long t = System.nanoTime() - t0;   // first call in a fresh JVM
                3. time(new ArrayList<>()); time(new LinkedList<>()); time(new ArrayList<>());  // one JVM, one time() method
                4. static final int N = 1_000; ... long t0 = System.nanoTime(); int r = fib(N % 30); ...
                """;
    }

    /** The three answers of exercise 4. */
    public static final List<String> OUTCOMES = List.of("cheaper", "dearer", "within error");

    /**
     * Exercise 4: read two results' 99.9% intervals. The answer says whether {@code a} is
     * {@code "cheaper"} or {@code "dearer"} than {@code b} (the intervals apart) or
     * {@code "within error"} (they overlap; touching counts as overlapping), as every comparison
     * in the chapter does ({@link Comparison#outcome()}).
     */
    public static Check checkCompare(BiFunction<BenchResult, BenchResult, String> answer) {
        Objects.requireNonNull(answer, "answer");
        double[][] cases = {          // a score, a error, b score, b error
                {100, 10, 200, 20},   // apart: cheaper
                {300, 30, 200, 20},   // apart: dearer
                {100, 30, 150, 30},   // overlap: the gap is smaller than the errors
                {100, 50, 200, 50},   // touching at 150: within error
                {1000, 950, 60, 5},   // a wide error reaches down over b
                {120, 1, 100, 1},     // small errors: a 20% gap is real
        };
        String[] expected = {"cheaper", "dearer", "within error", "within error", "within error", "dearer"};
        for (int i = 0; i < cases.length; i++) {
            double[] c = cases[i];
            String got = answer.apply(result("X.a", c[0], c[1]), result("X.b", c[2], c[3]));
            String norm = got == null ? null : got.strip().toLowerCase(Locale.ROOT);
            if (!expected[i].equals(norm)) {
                return Check.notYet(String.format(Locale.ROOT, "a = %s ± %s and b = %s ± %s ns is '%s', you said '%s'"
                                + "; choose from %s", Numbers.plain(c[0]), Numbers.plain(c[1]),
                        Numbers.plain(c[2]), Numbers.plain(c[3]), expected[i], got, OUTCOMES));
            }
        }
        return Check.pass("6 of 6 pairs read right: a difference counts only when the intervals are apart");
    }
}
