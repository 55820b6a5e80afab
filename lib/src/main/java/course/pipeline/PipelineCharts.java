package course.pipeline;

import course.charts.BarChart;
import course.charts.Charts;
import course.charts.LineChart;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Charts of a pipeline run's {@link Metrics}, drawn with the course's chart layer
 * ({@link Charts}): queue depth over time (with the queue's capacity as a grey reference line),
 * heap in use over time (both on linear axes, even when a depth spans decades), and per-stage busy time and item counts. Charts of values a chapter
 * computes itself (throughput against workers, heap of two runs) are drawn with {@link Charts}
 * directly.
 *
 * <pre>{@code
 * try (var run = pipeline.start()) {
 *     run.toList();
 *     PipelineCharts.queueDepths(run.metrics());   // the last expression of a cell shows the chart
 * }
 * }</pre>
 */
public final class PipelineCharts {
    private PipelineCharts() {
    }

    /** The depth of every stage's output queue over time, one line per stage. */
    public static BufferedImage queueDepths(Metrics metrics) {
        return queueDepths("Queue depth over time", metrics,
                metrics.stages().stream().map(Metrics.StageMetrics::name).toArray(String[]::new));
    }

    /**
     * The depth of the output queues of the named stages over time. When every named queue has
     * the same bound, a grey reference line marks that capacity.
     *
     * @throws IllegalArgumentException when a stage is unknown, none is named, or nothing was sampled
     */
    public static BufferedImage queueDepths(String title, Metrics metrics, String... stages) {
        return queueDepthChart(title, metrics, stages).image();
    }

    /** The chart {@link #queueDepths(String, Metrics, String...)} draws, before rendering. */
    static LineChart queueDepthChart(String title, Metrics metrics, String... stages) {
        Objects.requireNonNull(metrics, "metrics");
        if (stages.length == 0) {
            throw new IllegalArgumentException("name at least one stage whose queue to draw");
        }
        double[] times = requireSamples(metrics);
        LineChart chart = Charts.line(title, "time (ms)", "items waiting in the queue").steps().linesOnly()
                .linearX().linearY();   // a run's time and a queue's depth read best on plain axes
        for (String stage : stages) {
            chart.series("after " + stage, times, metrics.depths(stage));
        }
        int[] capacities = Arrays.stream(stages).mapToInt(s -> metrics.stage(s).capacity()).distinct().toArray();
        if (capacities.length == 1 && capacities[0] > 0) {
            chart.hline("capacity " + capacities[0], capacities[0]);
        }
        return chart;
    }

    /** The heap in use over time, in megabytes. */
    public static BufferedImage heap(String title, Metrics metrics) {
        Objects.requireNonNull(metrics, "metrics");
        double[] times = requireSamples(metrics);
        return Charts.line(title, "time (ms)", "heap in use (MB)").linesOnly().linearX()
                .series("heap", times, metrics.heapMegabytes()).image();
    }

    /** The busy time of each stage, summed over its workers, in milliseconds. */
    public static BufferedImage busy(Metrics metrics) {
        Objects.requireNonNull(metrics, "metrics");
        BarChart chart = Charts.bar("Busy time per stage", "stage", "busy (ms, all workers)");
        for (Metrics.StageMetrics s : metrics.stages()) {
            chart.bar(s.name() + (s.workers() > 1 ? " x" + s.workers() : ""), s.busy().toNanos() / 1e6);
        }
        return chart.image();
    }

    /** Items in and out of each stage, as grouped bars. */
    public static BufferedImage items(Metrics metrics) {
        Objects.requireNonNull(metrics, "metrics");
        BarChart chart = Charts.bar("Items in and out per stage", "stage", "items");
        List<Metrics.StageMetrics> stages = metrics.stages();
        for (Metrics.StageMetrics s : stages) {
            chart.bar("in", s.name(), s.in());
            chart.bar("out", s.name(), s.out());
        }
        return chart.image();
    }

    private static double[] requireSamples(Metrics metrics) {
        if (metrics.samples() == 0) {
            throw new IllegalArgumentException("the run has no samples yet; chart it after it ran for a while");
        }
        return metrics.times();
    }
}
