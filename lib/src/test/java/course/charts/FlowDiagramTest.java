package course.charts;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The flow diagram's layout rules and its refusals of a diagram that cannot be drawn. */
class FlowDiagramTest {
    private static FlowDiagram pool() {
        return FlowDiagram.of("The worker pool")
                .thread("gen", "generator")
                .queue("jobs", "jobs", 2)
                .threads("w", "worker", 2)
                .queue("res", "results", 2)
                .thread("client", "client")
                .flow("gen", "jobs").flow("jobs", "w").flow("w", "res").flow("res", "client", "until closed");
    }

    @Test
    void aDiagramIsAsWideAsAChartAndTallerPerRow() {
        BufferedImage one = pool().image();
        BufferedImage two = pool().nextRow().store("db", "read model").flow("client", "db").image();
        assertEquals(Charts.WIDTH, Charts.displayWidth(one));
        assertTrue(two.getHeight() > one.getHeight(), "a second row adds height");
    }

    @Test
    void aLongNoteWrapsOntoMoreLinesInsteadOfLeavingTheImage() {
        BufferedImage shortNote = pool().note("one line").image();
        BufferedImage longNote = pool().note("a note that goes on and on ".repeat(12)).image();
        assertTrue(longNote.getHeight() > shortNote.getHeight(), "a wrapped note adds lines");
    }

    @Test
    void aFilledQueueDrawsDifferentlyFromAnEmptyOne() {
        BufferedImage empty = pool().image();
        BufferedImage full = pool().filled("jobs", 2).image();
        assertNotEquals(pixels(empty), pixels(full));
    }

    @Test
    void flowsMustNameElementsTheDiagramHas() {
        var e = assertThrows(IllegalArgumentException.class, () -> pool().flow("gen", "nowhere"));
        assertTrue(e.getMessage().contains("'nowhere'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> pool().flow("gen", "gen"));
    }

    @Test
    void badElementsAreRefusedWithTheirName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> pool().queue("q", "q", 0))
                .getMessage().contains("capacity"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> pool().threads("t", "t", 0))
                .getMessage().contains("count"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> pool().thread("gen", "again"))
                .getMessage().contains("already"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> pool().filled("jobs", 3))
                .getMessage().contains("2 slots"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> pool().filled("gen", 1))
                .getMessage().contains("not a queue"));
    }

    @Test
    void anEmptyDiagramOrRowAndALongTitleAreRefused() {
        assertThrows(IllegalStateException.class, () -> FlowDiagram.of("t").image());
        assertThrows(IllegalStateException.class, () -> FlowDiagram.of("t").nextRow());
        assertThrows(IllegalArgumentException.class, () -> FlowDiagram.of("a title ".repeat(20)));
    }

    private static long pixels(BufferedImage image) {
        long sum = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                sum = sum * 31 + image.getRGB(x, y);
            }
        }
        return sum;
    }
}
