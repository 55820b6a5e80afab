package course.semaphore;

import course.charts.Charts;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InFlightChartTest {
    @Test
    void drawsOneCurvePerProbeAtTheCourseSize() {
        InFlightProbe a = new InFlightProbe("a");
        InFlightProbe b = new InFlightProbe("b");
        a.run(() -> b.run(() -> { }));
        BufferedImage image = InFlightChart.image("in flight", 1, a, b);
        assertEquals(Charts.WIDTH, Charts.displayWidth(image));
        assertEquals(Charts.HEIGHT * Charts.SCALE, image.getHeight());
        assertEquals(2, InFlightChart.chart("in flight", 1, a, b).getXYPlot().getDataset().getSeriesCount());
    }

    @Test
    void putsTheCurvesOfOneRunOnOneClock() {
        InFlightProbe first = new InFlightProbe("first");
        InFlightProbe later = new InFlightProbe("later");
        first.enter();
        later.enter();                                  // after first's event, on any clock
        later.exit();
        first.exit();
        var data = InFlightChart.chart("one clock", 1, first, later).getXYPlot().getDataset();
        assertEquals(0.0, firstRise(data, 0));
        assertTrue(firstRise(data, 1) >= firstRise(data, 0), "the later probe's first event is drawn no earlier");
        assertTrue(firstRise(data, 1) <= data.getXValue(0, data.getItemCount(0) - 1),
                "and before the first probe's last event");
    }

    @Test
    void holdsEachCurvesLastCountToTheEndOfTheRun() {
        InFlightProbe created = new InFlightProbe("created");
        InFlightProbe jobs = new InFlightProbe("jobs");
        created.enter();                                // counted once, never exited
        jobs.run(() -> { });
        var data = InFlightChart.chart("held", 1, created, jobs).getXYPlot().getDataset();
        int last = data.getItemCount(0) - 1;
        assertEquals(data.getXValue(1, data.getItemCount(1) - 1), data.getXValue(0, last), 1e-9, "both end together");
        assertEquals(1.0, data.getYValue(0, last), "the count is held");
    }

    /** The x of the first point of {@code series} above zero. */
    private static double firstRise(org.jfree.data.xy.XYDataset data, int series) {
        for (int i = 0; i < data.getItemCount(series); i++) {
            if (data.getYValue(series, i) > 0) {
                return data.getXValue(series, i);
            }
        }
        throw new AssertionError("series " + series + " never rises");
    }

    @Test
    void labelsTheYAxisAsTold() {
        InFlightProbe a = new InFlightProbe("a");
        a.run(() -> { });
        assertEquals(InFlightChart.JOBS, InFlightChart.chart("t", 1, a).getXYPlot().getRangeAxis().getLabel());
        assertEquals("tasks or threads",
                InFlightChart.chart("t", "tasks or threads", 1, a).getXYPlot().getRangeAxis().getLabel());
        assertThrows(IllegalArgumentException.class, () -> InFlightChart.image("t", " ", 1, a));
    }

    @Test
    void rejectsAChartWithoutProbesOrWithANegativeLimit() {
        assertThrows(IllegalArgumentException.class, () -> InFlightChart.image("t", 1));
        assertThrows(IllegalArgumentException.class, () -> InFlightChart.image("t", -1, new InFlightProbe("a")));
    }
}
