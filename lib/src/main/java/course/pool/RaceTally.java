package course.pool;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.IntSupplier;

/**
 * How many results a client saw over many runs of the same batch: the evidence of a race.
 *
 * <p>{@link #count(int, int, IntSupplier)} calls a run {@code runs} times and tallies how many
 * results each run saw. A correct client sees {@code expected} every time; a racy one sometimes
 * sees fewer, and {@link #missedRuns()} says how often.
 *
 * <pre>{@code
 * RaceTally t = RaceTally.count(10, 2_000, () -> RaceDemo.seenInOneRun(10, 2, RaceDemo::readUntilDone));
 * t.missedRuns();    // how many runs saw fewer than 10 results: varies from run to run
 * t.histogram();     // results seen -> how many runs saw that many, e.g. {9=..., 10=...}
 * }</pre>
 *
 * @param expected  how many results a complete run yields
 * @param histogram for each number of results seen, in how many runs it was seen
 */
public record RaceTally(int expected, SortedMap<Integer, Integer> histogram) {
    /**
     * @throws IllegalArgumentException when {@code expected} is negative, or a count is negative
     *                                  or above {@code expected}, or a frequency is not positive
     */
    public RaceTally {
        Objects.requireNonNull(histogram, "histogram");
        if (expected < 0) {
            throw new IllegalArgumentException("expected result count must not be negative, got " + expected);
        }
        for (Map.Entry<Integer, Integer> e : histogram.entrySet()) {
            if (e.getKey() < 0 || e.getKey() > expected) {
                throw new IllegalArgumentException("a run cannot see " + e.getKey() + " results when "
                        + expected + " are expected");
            }
            if (e.getValue() <= 0) {
                throw new IllegalArgumentException("the number of runs that saw " + e.getKey()
                        + " results must be positive, got " + e.getValue());
            }
        }
        histogram = Collections.unmodifiableSortedMap(new TreeMap<>(histogram));
    }

    /**
     * Calls {@code oneRun} {@code runs} times; each call returns how many results it saw.
     *
     * @throws IllegalArgumentException when {@code runs} is not positive, or a run reports an
     *                                  impossible count (negative, or more than {@code expected})
     */
    public static RaceTally count(int expected, int runs, IntSupplier oneRun) {
        Objects.requireNonNull(oneRun, "oneRun");
        if (runs <= 0) {
            throw new IllegalArgumentException("runs must be positive, got " + runs);
        }
        if (expected < 0) {
            throw new IllegalArgumentException("expected result count must not be negative, got " + expected);
        }
        TreeMap<Integer, Integer> histogram = new TreeMap<>();
        for (int i = 0; i < runs; i++) {
            int seen = oneRun.getAsInt();
            if (seen < 0 || seen > expected) {
                throw new IllegalArgumentException("run " + (i + 1) + " saw " + seen + " results, but only 0.."
                        + expected + " are possible");
            }
            histogram.merge(seen, 1, Integer::sum);
        }
        return new RaceTally(expected, histogram);
    }

    /** How many runs were tallied. */
    public int runs() {
        return histogram.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** How many runs saw fewer results than expected. */
    public int missedRuns() {
        return runs() - histogram.getOrDefault(expected, 0);
    }

    /** How many results were missed, summed over all runs. */
    public long missedResults() {
        return histogram.entrySet().stream()
                .mapToLong(e -> (long) (expected - e.getKey()) * e.getValue())
                .sum();
    }

    /** The fewest results any run saw. */
    public int fewestSeen() {
        return histogram.isEmpty() ? expected : histogram.firstKey();
    }

    /** The tally in words, counts with thousands separated as the observations print them, then the histogram. */
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%,d of %,d runs missed results (%,d results missed; fewest seen %d of %d): %s",
                missedRuns(), runs(), missedResults(), fewestSeen(), expected, histogram);
    }
}
