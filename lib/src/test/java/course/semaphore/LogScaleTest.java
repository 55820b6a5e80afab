package course.semaphore;

import course.charts.Charts;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LogScaleTest {
    private static Charts.LineChart sample() {
        return Charts.line("t", "permits", "jobs per second")
                .series("s", new double[]{1, 2, 4, 8}, new double[]{100, 200, 400, 800});
    }

    @Test
    void rendersAtTheCourseSizeWithEitherAxisLogarithmic() {
        for (int[] bases : new int[][]{{2, 10}, {0, 10}, {2, 0}, {0, 0}}) {
            BufferedImage image = LogScale.image(sample(), bases[0], bases[1]);
            assertEquals(Charts.WIDTH, image.getWidth());
            assertEquals(Charts.HEIGHT, image.getHeight());
        }
    }

    @Test
    void rejectsABaseOfOne() {
        assertThrows(IllegalArgumentException.class, () -> LogScale.image(sample(), 1, 0));
    }
}
