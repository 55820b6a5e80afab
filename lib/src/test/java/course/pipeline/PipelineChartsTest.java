package course.pipeline;

import course.charts.Charts;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PipelineChartsTest {
    private static Metrics metrics() {
        try (Run<Integer> run = Pipeline.range(1, 200).map("a", n -> n).filter("b", n -> n % 2 == 0)
                .sampleEvery(Duration.ofMillis(1)).start()) {
            run.toList();
            return run.metrics();
        }
    }

    private static void assertChart(BufferedImage image) {
        assertEquals(Charts.WIDTH, image.getWidth());
        assertEquals(Charts.HEIGHT, image.getHeight());
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
    void aDepthChartNeedsAtLeastOneKnownStage() {
        Metrics m = metrics();
        assertEquals("name at least one stage whose queue to draw",
                assertThrows(IllegalArgumentException.class, () -> PipelineCharts.queueDepths("t", m)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> PipelineCharts.queueDepths("t", m, "nope"));
    }
}
