package course.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The charts draw real JMH results, and refuse to draw nothing. */
class ResultChartsTest {
    @TempDir
    Path dir;

    RunResults sample() throws IOException {
        return Results.load(Samples.copy(dir, "sample.json"));
    }

    @Test
    void barsDrawEveryResultOfARealFile() throws IOException {
        ResultCharts.Bars bars = ResultCharts.bars("Hand-off", "ns per item");
        for (BenchResult r : sample().ofClass("HandoffBench")) {
            bars.bar("spsc", r.param("queue"), r);
        }
        BufferedImage image = bars.image();
        assertEquals(course.charts.Charts.WIDTH, image.getWidth());
    }

    @Test
    void aCurveWithAFloorDraws() throws IOException {
        RunResults run = sample();
        BufferedImage image = ResultCharts.curve("cost", "batch", "ns per item").logX().logY()
                .point("a", 1, run.get("HandoffBench.spsc", "queue", "ArrayBlockingQueue"))
                .point("a", 16, run.get("HandoffBench.spsc", "queue", "LinkedBlockingQueue"))
                .floor("loop", run.get("PipelineBench.Baselines.plainLoop").score())
                .image();
        assertEquals(course.charts.Charts.HEIGHT, image.getHeight());
    }

    @Test
    void ratiosOfARunWithItselfDraw() throws IOException {
        RunResults run = sample();
        BufferedImage image = ResultCharts.ratios("same", run, run);
        assertEquals(course.charts.Charts.WIDTH, image.getWidth());
    }

    @Test
    void emptyChartsAreRefused() {
        assertThrows(IllegalStateException.class, () -> ResultCharts.bars("t", "v").image());
        assertThrows(IllegalStateException.class, () -> ResultCharts.curve("t", "x", "y").image());
        assertThrows(IllegalArgumentException.class, () -> ResultCharts.bars("t", "v").bar("s", "c", Double.NaN, 0));
    }
}
