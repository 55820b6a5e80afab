package course.pipeline;

import course.charts.Charts;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PipelineChartsTest {
    private static Metrics metrics() {
        try (PipelineRun<Integer> run = Pipeline.range(1, 200).map("a", n -> n).filter("b", n -> n % 2 == 0)
                .sampleEvery(Duration.ofMillis(1)).start()) {
            run.toList();
            return run.metrics();
        }
    }

    private static void assertChart(BufferedImage image) {
        assertEquals(Charts.WIDTH, Charts.displayWidth(image));
        assertEquals(Charts.HEIGHT * Charts.SCALE, image.getHeight());
    }

    @Test
    void everyChartIsAnImageOfTheCourseSize() {
        Metrics m = metrics();
        for (BufferedImage image : List.of(PipelineCharts.queueDepths(m), PipelineCharts.queueDepths("t", m, "a"),
                PipelineCharts.heap("heap", m), PipelineCharts.busy(m), PipelineCharts.items(m))) {
            assertChart(image);
        }
    }

    @Test
    void aDepthChartMarksTheCapacityOfBoundedQueuesAsAReferenceLine() {
        Metrics m = metrics();
        XYPlot plot = PipelineCharts.queueDepthChart("t", m, "a", "b").chart().getXYPlot();
        Collection<?> marks = plot.getRangeMarkers(Layer.FOREGROUND);
        assertEquals(1, marks.size());
        ValueMarker capacity = (ValueMarker) marks.iterator().next();
        assertEquals(Pipeline.DEFAULT_CAPACITY, capacity.getValue());
        assertEquals("capacity " + Pipeline.DEFAULT_CAPACITY, capacity.getLabel());
    }

    @Test
    void aDepthChartKeepsLinearAxesEvenWhenTheDepthSpansDecades() {
        Metrics m;
        try (PipelineRun<Integer> run = Pipeline.range(1, 20_000).unbounded().map("a", n -> {
            if (n == 1) {
                Thread.sleep(20);   // the source runs ahead: thousands wait behind the first item
            }
            return n;
        }).sampleEvery(Duration.ofMillis(1)).start()) {
            run.toList();
            m = run.metrics();
        }
        XYPlot plot = PipelineCharts.queueDepthChart("t", m, "source").chart().getXYPlot();
        assertInstanceOf(NumberAxis.class, plot.getDomainAxis());
        assertInstanceOf(NumberAxis.class, plot.getRangeAxis());
    }

    @Test
    void aDepthChartOfAnUnboundedQueueHasNoCapacityLine() {
        Metrics m;
        try (PipelineRun<Integer> run = Pipeline.range(1, 50).unbounded().map("a", n -> n)
                .sampleEvery(Duration.ofMillis(1)).start()) {
            run.toList();
            m = run.metrics();
        }
        XYPlot plot = PipelineCharts.queueDepthChart("t", m, "source").chart().getXYPlot();
        assertNull(plot.getRangeMarkers(Layer.FOREGROUND));
    }

    @Test
    void aDepthChartNeedsAtLeastOneKnownStage() {
        Metrics m = metrics();
        assertEquals("name at least one stage whose queue to draw",
                assertThrows(IllegalArgumentException.class, () -> PipelineCharts.queueDepths("t", m)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> PipelineCharts.queueDepths("t", m, "nope"));
    }
}
