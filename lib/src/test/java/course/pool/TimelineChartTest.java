package course.pool;

import course.charts.Charts;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimelineChartTest {
    static Timeline sample(int workers) {
        Timeline t = new Timeline(workers);
        long o = t.origin();
        for (int i = 0; i < 3 * workers; i++) {
            int w = i % workers;
            long start = o + (i / workers) * 10_000_000L;
            t.record(w, new JobDescriptor(Integer.toString(i), "nap"), start, start + 9_000_000L, i != 4);
        }
        return t;
    }

    @Test
    void drawsATimelineAtTheCoursesSize() {
        BufferedImage image = TimelineChart.draw("jobs", sample(2));
        assertEquals(Charts.WIDTH, Charts.displayWidth(image));
        assertEquals(Charts.HEIGHT * Charts.SCALE, image.getHeight());
    }

    @Test
    void drawsAnEmptyTimeline() {
        BufferedImage image = TimelineChart.draw("nothing yet", new Timeline(1));
        assertEquals(Charts.WIDTH, Charts.displayWidth(image));
    }

    @Test
    void comparesSeveralTimelinesOnOneChartThatGrowsWithTheRows() {
        Map<String, Timeline> timelines = new LinkedHashMap<>();
        timelines.put("1 worker", sample(1));
        timelines.put("2 workers", sample(2));
        timelines.put("8 workers", sample(8));
        BufferedImage image = TimelineChart.compare("compare", timelines);
        assertTrue(image.getHeight() >= Charts.HEIGHT * Charts.SCALE);
        assertEquals(3, ((org.jfree.chart.plot.CombinedRangeXYPlot) TimelineChart.compareChart("c", timelines)
                .getPlot()).getSubplots().size());
    }

    @Test
    void everyBarIsLabelledWithTheJobThatRanInIt() {
        // Worker 1 runs jobs 1, 3, 5 and worker 0 runs 0, 2, 4: interleaved, so a chart that sorted
        // its bars by worker would put job 2's label on job 1's bar.
        Timeline timeline = sample(2);
        var plot = (org.jfree.chart.plot.CombinedRangeXYPlot) TimelineChart.chart("labels", timeline).getPlot();
        org.jfree.chart.plot.XYPlot sub = (org.jfree.chart.plot.XYPlot) plot.getSubplots().get(0);
        var data = (org.jfree.data.xy.XYIntervalSeriesCollection) sub.getDataset();
        var labels = sub.getRenderer().getDefaultItemLabelGenerator();
        int checked = 0;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int i = 0; i < data.getItemCount(s); i++) {
                int worker = (int) data.getXValue(s, i);
                double start = data.getStartYValue(s, i);
                Timeline.Span span = timeline.spans().stream()
                        .filter(x -> x.worker() == worker && Math.abs(x.startMillis() - start) < 1e-9)
                        .findFirst().orElseThrow();
                assertEquals(span.job().id(), labels.generateLabel(data, s, i),
                        "bar of worker " + worker + " starting at " + start + " ms");
                checked++;
            }
        }
        assertEquals(6, checked, "every span has a bar");
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> TimelineChart.compare("none", Map.of()));
        assertThrows(NullPointerException.class, () -> TimelineChart.draw("t", null));
        assertThrows(NullPointerException.class, () -> TimelineChart.draw(null, new Timeline(1)));
    }
}
