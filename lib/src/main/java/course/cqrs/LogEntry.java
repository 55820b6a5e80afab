package course.cqrs;

import java.time.Duration;
import java.util.Objects;

/**
 * An event as stored in the log: where it sits (topic, partition, offset) and when it was
 * appended. Offsets start at 0 in every partition and grow by one with no gaps.
 *
 * @param topic           the log's topic, for example {@code articles}
 * @param partition       the partition, {@code 0 <= partition < partitions}
 * @param offset          the position within the partition, from 0
 * @param appendedAtNanos {@link System#nanoTime()} at append; only differences are meaningful
 * @param event           the event itself
 */
public record LogEntry(String topic, int partition, long offset, long appendedAtNanos, Event event) {
    /**
     * @throws NullPointerException     when the topic or the event is missing
     * @throws IllegalArgumentException when the partition or the offset is negative
     */
    public LogEntry {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(event, "event");
        if (partition < 0) {
            throw new IllegalArgumentException("log entry partition must not be negative, got " + partition);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("log entry offset must not be negative, got " + offset);
        }
    }

    /** How long ago this entry was appended. */
    public Duration age() {
        return Duration.ofNanos(Math.max(0, System.nanoTime() - appendedAtNanos));
    }
}
