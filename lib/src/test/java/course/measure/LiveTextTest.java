package course.measure;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveTextTest {
    @Test
    void closingShowsEverythingWritten() {
        List<String> shown = new CopyOnWriteArrayList<>();
        try (var live = LiveText.to(shown::add)) {
            live.stream().println("[ 1/2] first");
            live.stream().printf("[ 2/2] second %.1f ± %.1f ns/op%n", 1.5, 0.25);
        }
        assertEquals("[ 1/2] first\n[ 2/2] second 1.5 ± 0.3 ns/op\n".replace("\n", System.lineSeparator()),
                shown.getLast());
    }

    @Test
    void aLineIsShownBeforeTheNextOneComes() throws InterruptedException {
        List<String> shown = new CopyOnWriteArrayList<>();
        try (var live = LiveText.to(shown::add, Duration.ZERO)) {
            live.stream().println("started");
            for (int i = 0; i < 1_000 && shown.isEmpty(); i++) {   // the live text looks every 10 ms
                Thread.sleep(10);
            }
            assertTrue(shown.getFirst().startsWith("started"), shown.toString());
            assertEquals(live.text(), shown.getLast());
        }
        assertEquals(1, shown.size(), "nothing new was written: nothing is shown again " + shown);
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(NullPointerException.class, () -> LiveText.to(null));
        assertThrows(IllegalArgumentException.class, () -> LiveText.to(text -> { }, Duration.ofMillis(-1)));
    }
}
