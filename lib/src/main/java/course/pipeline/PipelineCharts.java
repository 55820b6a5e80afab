package course.pipeline;

import course.charts.Charts;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

import java.awt.image.BufferedImage;
import java.text.DecimalFormat;
import java.util.List;
import java.util.Objects;

/**
 * Charts of a pipeline run's {@link Metrics}, drawn with {@link Charts}: queue depth over time,
 * heap in use over time, and per-stage busy time and item counts; plus two finishing touches for
 * any {@link Charts.LineChart}: {@link #linesOnly} (no point markers) and {@link #decades}
 * (readable logarithmic axes).
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
     * The depth of the output queues of the named stages over time.
     *
     * @throws IllegalArgumentException when a stage is unknown, none is named, or nothing was sampled
     */
    public static BufferedImage queueDepths(String title, Metrics metrics, String... stages) {
        Objects.requireNonNull(metrics, "metrics");
        if (stages.length == 0) {
            throw new IllegalArgumentException("name at least one stage whose queue to draw");
        }
        double[] times = requireSamples(metrics);
        Charts.LineChart chart = Charts.line(title, "time (ms)", "items waiting in the queue");
        for (String stage : stages) {
            chart.series("after " + stage, times, metrics.depths(stage));
        }
        return linesOnly(chart.chart());
    }

    /** The heap in use over time, in megabytes. */
    public static BufferedImage heap(String title, Metrics metrics) {
        Objects.requireNonNull(metrics, "metrics");
        double[] times = requireSamples(metrics);
        return linesOnly(Charts.line(title, "time (ms)", "heap in use (MB)")
                .series("heap", times, metrics.heapMegabytes()).chart());
    }

    /** The busy time of each stage, summed over its workers, in milliseconds. */
    public static BufferedImage busy(Metrics metrics) {
        Objects.requireNonNull(metrics, "metrics");
        Charts.BarChart chart = Charts.bar("Busy time per stage", "stage", "busy (ms, all workers)");
        for (Metrics.StageMetrics s : metrics.stages()) {
            chart.bar(s.name() + (s.workers() > 1 ? " x" + s.workers() : ""), s.busy().toNanos() / 1e6);
        }
        return chart.image();
    }

    /** Items in and out of each stage, as grouped bars. */
    public static BufferedImage items(Metrics metrics) {
        Objects.requireNonNull(metrics, "metrics");
        Charts.BarChart chart = Charts.bar("Items in and out per stage", "stage", "items");
        List<Metrics.StageMetrics> stages = metrics.stages();
        for (Metrics.StageMetrics s : stages) {
            chart.bar("in", s.name(), s.in());
            chart.bar("out", s.name(), s.out());
        }
        return chart.image();
    }

    /**
     * Renders a line chart whose logarithmic axes get one labelled tick per power of ten
     * ({@code 1,000}, {@code 10,000}, ...) instead of fractional exponents. Linear axes are left
     * alone.
     */
    public static BufferedImage decades(Charts.LineChart chart) {
        Objects.requireNonNull(chart, "chart");
        JFreeChart built = chart.chart();
        XYPlot plot = built.getXYPlot();
        for (ValueAxis axis : List.of(plot.getDomainAxis(), plot.getRangeAxis())) {
            if (axis instanceof LogAxis log) {
                log.setTickUnit(new NumberTickUnit(1.0));
                log.setNumberFormatOverride(new DecimalFormat("#,##0.###"));
            }
        }
        return Charts.render(built);
    }

    private static double[] requireSamples(Metrics metrics) {
        if (metrics.samples() == 0) {
            throw new IllegalArgumentException("the run has no samples yet; chart it after it ran for a while");
        }
        return metrics.times();
    }

    /**
     * Renders a line chart without point markers, which blur into a thick band on long series
     * such as sampled heap readings.
     */
    public static BufferedImage linesOnly(Charts.LineChart chart) {
        Objects.requireNonNull(chart, "chart");
        return linesOnly(chart.chart());
    }

    private static BufferedImage linesOnly(JFreeChart chart) {
        if (chart.getXYPlot().getRenderer() instanceof XYLineAndShapeRenderer renderer) {
            renderer.setDefaultShapesVisible(false);
            for (int i = 0; i < chart.getXYPlot().getDataset().getSeriesCount(); i++) {
                renderer.setSeriesShapesVisible(i, false);
            }
        }
        return Charts.render(chart);
    }
}
