package course.cqrs;

import java.time.Duration;
import java.util.List;

/**
 * What a {@link Projector} needs from an event log: partitions, their end offsets, and reads of a
 * partition from an offset. {@link EventLog} is the in-process one; chapter 9's
 * {@code course.kafka.KafkaEventLog} is a topic on a real Kafka broker. The same projector and
 * read store run on either.
 *
 * <p>The contract (both implementations keep it): offsets of a partition start at 0 and grow by
 * one; an entry, once readable, never changes; every event of one key is in one partition, in the
 * order appended. {@link #poll} is called for a partition by one thread at a time (the projector
 * has one consumer per partition); the other methods may be called from any thread.
 *
 * <pre>{@code
 * PartitionedLog log = new EventLog();          // or a KafkaEventLog
 * try (ReadStore reads = new ReadStore(); Projector p = new Projector(log, reads).start()) {
 *     p.awaitCaughtUp(Duration.ofSeconds(5));
 * }
 * }</pre>
 */
public interface PartitionedLog {
    /** The topic's name. */
    String topic();

    /** How many partitions the log has. */
    int partitions();

    /** Every partition's end offset (the offset its next entry will get), indexed by partition. */
    long[] endOffsets();

    /**
     * The entry at this position.
     *
     * @throws IndexOutOfBoundsException when the partition holds no entry at that offset
     */
    LogEntry entry(int partition, long offset);

    /**
     * Up to {@code max} entries of a partition from offset {@code from} on; when none follows,
     * waits up to {@code timeout} for one. Returns an empty list if none arrived in time.
     *
     * @throws InterruptedException when the waiting thread is interrupted (how consumers are stopped)
     */
    List<LogEntry> poll(int partition, long from, int max, Duration timeout) throws InterruptedException;
}
