package course.cqrs;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogEntryTest {
    private static final Event EVENT = Event.created(new Article(1, "ana", "https://a.org", List.of("go"), List.of(), 1, 1, 1));

    @Test
    void aNegativeOffsetOrPartitionIsRejectedByName() {
        IllegalArgumentException offset = assertThrows(IllegalArgumentException.class,
                () -> new LogEntry("articles", 0, -1, 0, EVENT));
        assertEquals("log entry offset must not be negative, got -1", offset.getMessage());
        IllegalArgumentException partition = assertThrows(IllegalArgumentException.class,
                () -> new LogEntry("articles", -2, 0, 0, EVENT));
        assertEquals("log entry partition must not be negative, got -2", partition.getMessage());
    }

    @Test
    void aMissingTopicOrEventIsRejectedByName() {
        assertEquals("topic", assertThrows(NullPointerException.class, () -> new LogEntry(null, 0, 0, 0, EVENT)).getMessage());
        assertEquals("event", assertThrows(NullPointerException.class, () -> new LogEntry("articles", 0, 0, 0, null)).getMessage());
    }

    @Test
    void theAgeIsNeverNegative() {
        LogEntry future = new LogEntry("articles", 0, 0, System.nanoTime() + 1_000_000_000_000L, EVENT);
        assertTrue(future.age().isZero());
    }
}
