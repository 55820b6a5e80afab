package course.semaphore;

import course.charts.Charts;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InFlightChartTest {
    @Test
    void drawsOneCurvePerProbeAtTheCourseSize() {
        InFlightProbe a = new InFlightProbe("a");
        InFlightProbe b = new InFlightProbe("b");
        a.run(() -> b.run(() -> { }));
        BufferedImage image = InFlightChart.image("in flight", 1, a, b);
        assertEquals(Charts.WIDTH, image.getWidth());
        assertEquals(Charts.HEIGHT, image.getHeight());
        assertEquals(2, InFlightChart.chart("in flight", 1, a, b).getXYPlot().getDataset().getSeriesCount());
    }

    @Test
    void rejectsAChartWithoutProbesOrWithANegativeLimit() {
        assertThrows(IllegalArgumentException.class, () -> InFlightChart.image("t", 1));
        assertThrows(IllegalArgumentException.class, () -> InFlightChart.image("t", -1, new InFlightProbe("a")));
    }
}
