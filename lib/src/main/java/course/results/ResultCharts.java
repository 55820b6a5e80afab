package course.results;

import course.charts.BarChart;
import course.charts.Charts;

import java.awt.image.BufferedImage;
import java.util.Map;

/**
 * The chart that only benchmark results need: two runs compared benchmark by benchmark, as
 * ratios on a log axis. Every other chart of results is a {@link Charts#bar} or
 * {@link Charts#line} with the scores and JMH's errors ({@link BenchResult#score()},
 * {@link BenchResult#errorOrZero()}).
 *
 * <pre>{@code
 * RunResults mine = Results.latest().orElseThrow();
 * RunResults reference = Results.reference();
 * if (!mine.sameRunAs(reference)) ResultCharts.ratios("Your run against the reference", mine, reference);
 * }</pre>
 */
public final class ResultCharts {
    private ResultCharts() {
    }

    /**
     * One horizontal bar per benchmark found in both runs: {@code mine / reference}, on a log axis
     * (so half as fast and twice as fast are equally far from 1), with the relative errors of both
     * scores added in quadrature. For time-per-operation scores a bar right of 1 means slower than
     * the reference.
     *
     * @throws IllegalArgumentException when the two are the same run (a chart would compare a run
     *                                  with itself) or share no benchmark
     */
    public static BufferedImage ratios(String title, RunResults mine, RunResults reference) {
        return ratioChart(title, mine, reference).image();
    }

    /** The chart {@link #ratios} draws, before it is rendered. */
    static BarChart ratioChart(String title, RunResults mine, RunResults reference) {
        if (mine.sameRunAs(reference)) {
            throw new IllegalArgumentException("both results are the run in " + mine.file().getFileName()
                    + ": a ratio chart would compare a run with itself; run `make bench` for results of your own");
        }
        BarChart bars = Charts.bar(title, "benchmark", "this run / reference (1 = same)")
                .horizontal().logValues().baseAt(1).hline("same as the reference", 1.0);
        Map<String, BenchResult> ref = reference.byLabel();
        int n = 0;
        for (BenchResult m : mine.results()) {
            BenchResult r = ref.get(m.label());
            if (r == null || r.score() <= 0 || m.score() <= 0) {
                continue;
            }
            Comparison c = Comparison.of("this run", m, "reference", r);
            bars.bar(m.label().replaceFirst("^[A-Za-z]+Bench\\.", ""), c.ratio(), c.ratioError());
            n++;
        }
        if (n == 0) {
            throw new IllegalArgumentException("the two runs share no benchmark: " + mine.file().getFileName()
                    + " vs " + reference.file().getFileName());
        }
        return bars;
    }
}
