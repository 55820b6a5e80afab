package course.semaphore;

import course.charts.Charts;
import course.charts.LineChart;
import org.jfree.chart.JFreeChart;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Draws jobs in flight over time as step curves, with the permit limit as a grey dashed
 * reference line, so a glance shows whether a curve ever crosses it.
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
        LineChart chart = Charts.line(title, "time since the first job started (ms)", "jobs in flight")
                .steps().linesOnly().hline("limit " + limit, limit).yFrom(0);
        for (InFlightProbe probe : probes) {
            Objects.requireNonNull(probe, "probe");
            List<InFlightProbe.Sample> samples = probe.samples();
            double origin = samples.stream().filter(s -> s.inFlight() > 0).mapToDouble(InFlightProbe.Sample::millis)
                    .findFirst().orElse(0);
            List<double[]> points = new ArrayList<>();
            points.add(new double[]{0, 0});
            for (InFlightProbe.Sample s : samples) {
                if (s.millis() >= origin) {
                    points.add(new double[]{s.millis() - origin, s.inFlight()});
                }
            }
            chart.series(probe.name(), points.stream().mapToDouble(p -> p[0]).toArray(),
                    points.stream().mapToDouble(p -> p[1]).toArray());
        }
        return chart.chart();
    }
}
