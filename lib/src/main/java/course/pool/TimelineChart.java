package course.pool;

import course.charts.ChartStyle;
import course.charts.Charts;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Draws a {@link Timeline} as a Gantt chart: one row per worker, one bar per job, time in
 * milliseconds along the bottom. Each bar is labelled with its job's id; failed jobs are red.
 *
 * <p>{@link #compare(String, Map)} stacks several timelines on one shared time axis, so that
 * the same batch on 1, 2 and 4 workers can be compared at a glance.
 *
 * <pre>{@code
 * TimelineChart.draw("12 jobs on 2 workers", pool.timeline());        // a BufferedImage
 * TimelineChart.compare("12 sleeping jobs", Map.of("1 worker", t1, "2 workers", t2));
 * }</pre>
 */
public final class TimelineChart {
    private static final Color OK = ChartStyle.color(0);
    private static final Color OK_ALTERNATE = ChartStyle.color(4);
    private static final Color FAILED = ChartStyle.FAILURE;

    private TimelineChart() {
    }

    /** The timeline as a rendered chart. */
    public static BufferedImage draw(String title, Timeline timeline) {
        return Charts.render(chart(title, timeline));
    }

    /** The timeline as a JFreeChart, for further styling. */
    public static JFreeChart chart(String title, Timeline timeline) {
        Objects.requireNonNull(timeline, "timeline");
        return compareChart(title, Map.of("", timeline));
    }

    /**
     * Several timelines stacked on one shared time axis, top to bottom in the map's iteration
     * order (use a {@code LinkedHashMap}, or {@code Map.of} with one entry), each labelled by its key.
     *
     * @throws IllegalArgumentException when the map is empty
     */
    public static BufferedImage compare(String title, Map<String, Timeline> timelines) {
        return Charts.render(compareChart(title, timelines), Charts.WIDTH,
                Math.max(Charts.HEIGHT, 120 + 40 * totalRows(timelines)));
    }

    /** The chart behind {@link #compare}, for further styling. */
    public static JFreeChart compareChart(String title, Map<String, Timeline> timelines) {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(timelines, "timelines");
        if (timelines.isEmpty()) {
            throw new IllegalArgumentException("nothing to draw: no timelines given");
        }
        NumberAxis time = new NumberAxis("time (ms)");
        time.setAutoRangeIncludesZero(true);
        CombinedRangeXYPlot combined = new CombinedRangeXYPlot(time);
        combined.setGap(12);
        for (Map.Entry<String, Timeline> e : new LinkedHashMap<>(timelines).entrySet()) {
            Timeline timeline = Objects.requireNonNull(e.getValue(), "timeline '" + e.getKey() + "'");
            combined.add(subplot(e.getKey(), timeline), timeline.workers());
        }
        combined.setOrientation(PlotOrientation.HORIZONTAL);
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE_FONT, combined, false);
        return chart;
    }

    private static XYPlot subplot(String label, Timeline timeline) {
        // Unsorted series: item i of a series is the i-th span added to it, so labels.get(series).get(i)
        // names that span's job. (A sorting series would reorder the bars by worker and break the match.)
        XYIntervalSeries ok = new XYIntervalSeries("ok", false, true);
        XYIntervalSeries okAlternate = new XYIntervalSeries("ok ", false, true);
        XYIntervalSeries failed = new XYIntervalSeries("failed", false, true);
        List<List<String>> labels = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        int[] seenPerWorker = new int[timeline.workers()];
        for (Timeline.Span span : timeline.spans()) {
            int w = span.worker();
            XYIntervalSeries series;
            int which;
            if (!span.ok()) {
                series = failed;
                which = 2;
            } else if (seenPerWorker[w] % 2 == 0) {
                series = ok;
                which = 0;
            } else {
                series = okAlternate;
                which = 1;
            }
            seenPerWorker[w]++;
            double mid = (span.startMillis() + span.endMillis()) / 2;
            series.add(w, w - 0.35, w + 0.35, mid, span.startMillis(), span.endMillis());
            labels.get(which).add(span.job().id());
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(ok);
        data.addSeries(okAlternate);
        data.addSeries(failed);

        String[] rows = new String[timeline.workers()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = "worker " + i;
        }
        SymbolAxis workersAxis = new SymbolAxis(label, rows);
        workersAxis.setGridBandsVisible(false);
        workersAxis.setInverted(true); // worker 0 on top

        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setUseYInterval(true);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setDefaultOutlinePaint(Color.WHITE);
        renderer.setDefaultOutlineStroke(new BasicStroke(1f));
        renderer.setSeriesPaint(0, OK);
        renderer.setSeriesPaint(1, OK_ALTERNATE);
        renderer.setSeriesPaint(2, FAILED);
        renderer.setDefaultItemLabelGenerator((dataset, series, item) -> labels.get(series).get(item));
        renderer.setDefaultItemLabelsVisible(timeline.spans().size() <= 60);
        renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        renderer.setDefaultItemLabelPaint(Color.WHITE);
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.CENTER, TextAnchor.CENTER));

        XYPlot plot = new XYPlot(data, workersAxis, null, renderer);
        plot.setRangeGridlinesVisible(true);
        plot.setDomainGridlinesVisible(false);
        return plot;
    }

    private static int totalRows(Map<String, Timeline> timelines) {
        return timelines.values().stream().filter(Objects::nonNull).mapToInt(Timeline::workers).sum();
    }
}
