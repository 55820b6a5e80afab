package course.semaphore;

import course.charts.Charts;
import course.charts.LineChart;
import org.jfree.chart.JFreeChart;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Draws counts over time as step curves (jobs in flight, threads created), with the permit
 * limit as a grey dashed reference line, so a glance shows whether a curve ever crosses it.
 *
 * <p>All curves share one clock, which starts at the first event any of their probes saw
 * (the first job started, the first thread created), so the time spent setting up before it
 * is not drawn, and curves recorded in one run show what happened at the same moment one
 * above the other. Each curve holds its last count until the last event of any of them, so a
 * count that stopped changing (threads created) still shows to the end of the run.
 *
 * <pre>{@code
 * InFlightChart.image("Bounded executor, 4 permits", 4, probe);
 * InFlightChart.image("Naive executor, bound 4", "tasks or threads", 4, bodies, pool.threads());
 * }</pre>
 */
public final class InFlightChart {
    private InFlightChart() {
    }

    /** The time of {@code sample} on the common clock of {@link System#nanoTime()}. */
    private static long nanos(InFlightProbe probe, InFlightProbe.Sample sample) {
        return probe.startNanos() + Math.round(sample.millis() * 1e6);
    }

    /** The y axis label of a chart of jobs. */
    public static final String JOBS = "jobs in flight";

    /**
     * Renders one step curve per probe, time in milliseconds on x, jobs in flight on y, and
     * a horizontal line at {@code limit}.
     *
     * @throws IllegalArgumentException when no probe is given or the limit is negative
     */
    public static BufferedImage image(String title, int limit, InFlightProbe... probes) {
        return image(title, JOBS, limit, probes);
    }

    /**
     * As {@link #image(String, int, InFlightProbe...)}, with the y axis labelled {@code yLabel},
     * for curves that count something else than jobs (threads created).
     *
     * @throws IllegalArgumentException when no probe is given, the limit is negative or the label blank
     */
    public static BufferedImage image(String title, String yLabel, int limit, InFlightProbe... probes) {
        return Charts.render(chart(title, yLabel, limit, probes));
    }

    /** The chart of jobs in flight before rendering, for further styling. */
    public static JFreeChart chart(String title, int limit, InFlightProbe... probes) {
        return chart(title, JOBS, limit, probes);
    }

    /** The chart before rendering, with the y axis labelled {@code yLabel}. */
    public static JFreeChart chart(String title, String yLabel, int limit, InFlightProbe... probes) {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(yLabel, "yLabel");
        Objects.requireNonNull(probes, "probes");
        if (probes.length == 0) {
            throw new IllegalArgumentException("an in-flight chart needs at least one probe");
        }
        if (limit < 0) {
            throw new IllegalArgumentException("the limit must not be negative, got " + limit);
        }
        LineChart chart = Charts.line(title, "time since the first event (ms)", yLabel)
                .steps().linesOnly().hline("limit " + limit, limit).yFrom(0);
        for (InFlightProbe probe : probes) {
            Objects.requireNonNull(probe, "probe");
        }
        long origin = Long.MAX_VALUE;                   // the first event of any probe, in nanoTime
        long end = Long.MIN_VALUE;                      // the last event of any probe
        for (InFlightProbe probe : probes) {
            List<InFlightProbe.Sample> samples = probe.samples();
            for (InFlightProbe.Sample s : samples) {
                if (s.inFlight() > 0) {
                    origin = Math.min(origin, nanos(probe, s));
                    break;
                }
            }
            end = Math.max(end, nanos(probe, samples.getLast()));
        }
        if (origin == Long.MAX_VALUE) {
            origin = end;                               // nothing ever ran: flat curves from the last event
        }
        for (InFlightProbe probe : probes) {
            List<double[]> points = new ArrayList<>();
            points.add(new double[]{0, 0});
            for (InFlightProbe.Sample s : probe.samples()) {
                long t = nanos(probe, s) - origin;
                if (t >= 0) {
                    points.add(new double[]{t / 1e6, s.inFlight()});
                }
            }
            double last = (end - origin) / 1e6;          // every curve holds its last count to the common end
            if (points.getLast()[0] < last) {
                points.add(new double[]{last, points.getLast()[1]});
            }
            chart.series(probe.name(), points.stream().mapToDouble(p -> p[0]).toArray(),
                    points.stream().mapToDouble(p -> p[1]).toArray());
        }
        return chart.chart();
    }
}
