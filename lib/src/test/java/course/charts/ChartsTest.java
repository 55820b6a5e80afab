package course.charts;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartsTest {
    @Test
    void aLineChartRendersAtTheCourseSize() {
        BufferedImage image = Charts.line("t", "x", "y")
                .series("a", new double[]{1, 2, 3}, new double[]{1, 4, 9})
                .series("b", new double[]{2, 3, 4})
                .logX().logY()
                .image();
        assertEquals(Charts.WIDTH, image.getWidth());
        assertEquals(Charts.HEIGHT, image.getHeight());
    }

    @Test
    void aBarChartRendersGroupedBars() {
        BufferedImage image = Charts.bar("t", "kind", "ms").bar("x", "a", 1).bar("y", "a", 2).horizontal().image();
        assertEquals(Charts.WIDTH, image.getWidth());
    }

    @Test
    void theChartIsNotBlank() {
        BufferedImage image = Charts.line("t", "x", "y").series("a", new double[]{1, 2}).image();
        int first = image.getRGB(0, 0);
        boolean varied = false;
        for (int x = 0; x < image.getWidth() && !varied; x += 7) {
            for (int y = 0; y < image.getHeight() && !varied; y += 7) {
                varied = image.getRGB(x, y) != first;
            }
        }
        assertTrue(varied, "a rendered chart has more than one colour");
    }

    @Test
    void badSeriesAreRejectedWithTheirName() {
        var chart = Charts.line("t", "x", "y");
        var e = assertThrows(IllegalArgumentException.class, () -> chart.series("s", new double[]{1}, new double[]{1, 2}));
        assertTrue(e.getMessage().contains("'s'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> chart.series("n", new double[]{Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> chart.series("e", new double[0]));
        chart.series("a", new double[]{1});
        assertThrows(IllegalArgumentException.class, () -> chart.series("a", new double[]{2}));
    }

    @Test
    void anEmptyChartSaysWhatIsMissing() {
        assertThrows(IllegalStateException.class, () -> Charts.line("t", "x", "y").image());
        assertThrows(IllegalStateException.class, () -> Charts.bar("t", "x", "y").image());
        assertThrows(IllegalArgumentException.class, () -> Charts.render(Charts.line("t", "x", "y").series("a", new double[]{1}).chart(), 0, 5));
    }
}
