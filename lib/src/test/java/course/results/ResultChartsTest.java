package course.results;

import org.jfree.chart.axis.LogAxis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two runs compare as ratios on a log axis; a run is never compared with itself. */
class ResultChartsTest {
    @TempDir
    Path dir;

    /** The sample run, and a copy of it in another folder: the same scores, until a test changes one. */
    private Path[] sampleAndCopy() throws IOException {
        Path other = dir.resolve("other");
        Files.createDirectories(other);
        return new Path[]{Samples.copy(dir, "sample.json"), Samples.copy(other, "sample.json")};
    }

    /** Gives the first benchmark of {@code file} another score, so that it is another run. */
    private static void rescoreFirst(Path file) throws IOException {
        Files.writeString(file, Files.readString(file).replaceFirst("\"score\" : ([0-9.]+)", "\"score\" : 123.25"));
    }

    @Test
    void ratiosOfTwoRunsDrawOneBarPerSharedBenchmark() throws IOException {
        Path[] runs = sampleAndCopy();
        Path a = runs[0];
        Path b = runs[1];
        // The same scores in a second file are still the same run.
        assertThrows(IllegalArgumentException.class,
                () -> ResultCharts.ratios("same scores", Results.load(a), Results.load(b)));
        rescoreFirst(b);
        BufferedImage image = ResultCharts.ratios("mine vs reference", Results.load(a), Results.load(b));
        assertEquals(course.charts.Charts.WIDTH, course.charts.Charts.displayWidth(image));
    }

    @Test
    void aRunIsNeverComparedWithItself() throws IOException {
        RunResults run = Results.load(Samples.copy(dir, "sample.json"));
        var e = assertThrows(IllegalArgumentException.class, () -> ResultCharts.ratios("same", run, run));
        assertTrue(e.getMessage().contains("with itself"), e.getMessage());
    }

    @Test
    void ratiosAreOnALogAxisWithAReferenceLineAtOne() throws IOException {
        Path[] runs = sampleAndCopy();
        Path a = runs[0];
        Path b = runs[1];
        rescoreFirst(b);
        var plot = ResultCharts.ratioChart("mine vs reference", Results.load(a), Results.load(b)).chart().getCategoryPlot();
        assertTrue(plot.getRangeAxis() instanceof LogAxis);
        assertEquals(1.0, plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).iterator().next() instanceof
                org.jfree.chart.plot.ValueMarker m ? m.getValue() : Double.NaN);
    }
}
