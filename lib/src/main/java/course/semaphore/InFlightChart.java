package course.semaphore;

import course.charts.Charts;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;

/**
 * Draws jobs in flight over time as step curves, with the permit limit as a dashed red
 * line, so a glance shows whether a curve ever crosses it.
 *
 * <p>Each curve's clock starts when its probe saw its first job start, so curves recorded
 * in different runs line up and the time spent setting up before the first job is not drawn.
 *
 * <pre>{@code
 * InFlightChart.image("Bounded executor, 4 permits", 4, probe);
 * InFlightChart.image("Naive vs bounded", 2, naiveThreads, boundedJobs);   // two curves
 * }</pre>
 */
public final class InFlightChart {
    private InFlightChart() {
    }

    /**
     * Renders one step curve per probe, time in milliseconds on x, jobs in flight on y, and
     * a horizontal line at {@code limit}.
     *
     * @throws IllegalArgumentException when no probe is given or the limit is negative
     */
    public static BufferedImage image(String title, int limit, InFlightProbe... probes) {
        return Charts.render(chart(title, limit, probes));
    }

    /** The chart before rendering, for further styling. */
    public static JFreeChart chart(String title, int limit, InFlightProbe... probes) {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(probes, "probes");
        if (probes.length == 0) {
            throw new IllegalArgumentException("an in-flight chart needs at least one probe");
        }
        if (limit < 0) {
            throw new IllegalArgumentException("the limit must not be negative, got " + limit);
        }
        XYSeriesCollection dataset = new XYSeriesCollection();
        int top = limit;
        for (InFlightProbe probe : probes) {
            Objects.requireNonNull(probe, "probe");
            XYSeries series = new XYSeries(probe.name(), false, true);
            List<InFlightProbe.Sample> samples = probe.samples();
            double origin = samples.stream().filter(s -> s.inFlight() > 0).mapToDouble(InFlightProbe.Sample::millis)
                    .findFirst().orElse(0);
            series.add(0, 0);
            for (InFlightProbe.Sample s : samples) {
                if (s.millis() >= origin) {
                    series.add(s.millis() - origin, s.inFlight());
                }
            }
            dataset.addSeries(series);
            top = Math.max(top, probe.peak());
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "time since the first job started (ms)", "jobs in flight", dataset,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYStepRenderer renderer = new XYStepRenderer();
        for (int i = 0; i < probes.length; i++) {
            renderer.setSeriesStroke(i, new BasicStroke(1.5f));
        }
        plot.setRenderer(renderer);
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        y.setRange(0, top + 1);
        ValueMarker marker = new ValueMarker(limit, Color.RED, new BasicStroke(2f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[]{8f, 6f}, 0f));
        marker.setLabel("limit " + limit);
        marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addRangeMarker(marker);
        return chart;
    }
}
