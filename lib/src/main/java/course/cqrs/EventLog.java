package course.cqrs;

import course.concurrent.internal.Durations;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An in-process, append-only event log with partitions and offsets: a toy Kafka topic.
 *
 * <p>How it works:
 * <ul>
 *   <li>{@link #append} puts an event at the end of partition {@code floorMod(hash(key), partitions)},
 *       so every event of one article lands in one partition, in the order appended;</li>
 *   <li>each partition numbers its entries 0, 1, 2, ... (the offsets); nothing is ever removed or
 *       changed, which is why the log can serve as the golden source and be replayed;</li>
 *   <li>a reader remembers its own offset per partition and asks for what follows with
 *       {@link #read} (returns at once) or {@link #poll} (waits, with a timeout, for new entries);
 *       any number of readers may start from the beginning at any time;</li>
 *   <li>{@link #writeTo} saves the events as JSON lines in append order, and {@link #readFrom}
 *       replays such a file into a new log; a malformed line raises {@link MalformedLogException}
 *       naming the file, the line, the column where it is known, and the field.</li>
 * </ul>
 * Order is guaranteed within a partition only, as in Kafka. All methods are thread-safe; one
 * lock guards the partitions, and waiting readers are woken on every append.
 *
 * <pre>{@code
 * EventLog log = new EventLog("articles", 4);
 * LogEntry e = log.append(Event.created(article));      // partition 1, offset 0, say
 * List<LogEntry> next = log.poll(e.partition(), 0, 100, Duration.ofMillis(50));
 * log.writeTo(Path.of("articles.jsonl"));
 * EventLog again = EventLog.readFrom(Path.of("articles.jsonl"), "articles", 4);
 * }</pre>
 */
public final class EventLog implements PartitionedLog {
    /** The topic the write service publishes to. */
    public static final String ARTICLES = "articles";
    /** Partitions of a log built without saying how many. */
    public static final int DEFAULT_PARTITIONS = 4;

    private final String topic;
    private final int partitions;
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled on every append. */
    private final Condition appended = lock.newCondition();
    /** One append-only list per partition; entry i has offset i. Guarded by {@code lock}. */
    private final List<List<LogEntry>> parts;
    /** Every entry in append order across partitions, for writing the log out. Guarded by {@code lock}. */
    private final List<LogEntry> all = new ArrayList<>();

    /** The {@value #ARTICLES} topic with {@value #DEFAULT_PARTITIONS} partitions. */
    public EventLog() {
        this(ARTICLES, DEFAULT_PARTITIONS);
    }

    /**
     * @throws IllegalArgumentException when the topic is blank or partitions is not 1 to 1,024
     */
    public EventLog(String topic, int partitions) {
        Objects.requireNonNull(topic, "topic");
        if (topic.isBlank()) {
            throw new IllegalArgumentException("topic name is blank");
        }
        if (partitions < 1 || partitions > 1024) {
            throw new IllegalArgumentException("partitions must be 1 to 1024, got " + partitions);
        }
        this.topic = topic;
        this.partitions = partitions;
        this.parts = new ArrayList<>(partitions);
        for (int i = 0; i < partitions; i++) {
            parts.add(new ArrayList<>());
        }
    }

    /** The topic's name. */
    @Override
    public String topic() {
        return topic;
    }

    /** How many partitions the log has. */
    @Override
    public int partitions() {
        return partitions;
    }

    /** The partition that holds every event with this key: {@code floorMod(Long.hashCode(key), partitions)}. */
    public int partitionFor(long key) {
        return Math.floorMod(Long.hashCode(key), partitions);
    }

    /** Appends an event at the end of its key's partition and wakes waiting readers. */
    public LogEntry append(Event event) {
        Objects.requireNonNull(event, "event");
        int p = partitionFor(event.key());
        lock.lock();
        try {
            List<LogEntry> part = parts.get(p);
            LogEntry entry = new LogEntry(topic, p, part.size(), System.nanoTime(), event);
            part.add(entry);
            all.add(entry);
            appended.signalAll();
            return entry;
        } finally {
            lock.unlock();
        }
    }

    /** The offset the next entry of this partition will get (its number of entries). */
    public long endOffset(int partition) {
        checkPartition(partition);
        lock.lock();
        try {
            return parts.get(partition).size();
        } finally {
            lock.unlock();
        }
    }

    /** Every partition's end offset, indexed by partition. */
    @Override
    public long[] endOffsets() {
        lock.lock();
        try {
            long[] ends = new long[partitions];
            for (int i = 0; i < partitions; i++) {
                ends[i] = parts.get(i).size();
            }
            return ends;
        } finally {
            lock.unlock();
        }
    }

    /** How many events the log holds, over all partitions. */
    public long size() {
        lock.lock();
        try {
            return all.size();
        } finally {
            lock.unlock();
        }
    }

    /** The entry at this position. */
    @Override
    public LogEntry entry(int partition, long offset) {
        checkPartition(partition);
        lock.lock();
        try {
            List<LogEntry> part = parts.get(partition);
            if (offset < 0 || offset >= part.size()) {
                throw new IndexOutOfBoundsException("partition " + partition + " of topic " + topic
                        + " has no entry at offset " + offset + ": " + holding(part.size()));
            }
            return part.get((int) offset);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Up to {@code max} entries of a partition from offset {@code from} on, without waiting.
     *
     * @throws IllegalArgumentException when {@code from} is negative or past the partition's end,
     *                                  or {@code max} is not positive
     */
    public List<LogEntry> read(int partition, long from, int max) {
        checkPartition(partition);
        if (max <= 0) {
            throw new IllegalArgumentException("max must be positive, got " + max);
        }
        lock.lock();
        try {
            return slice(partition, from, max);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Like {@link #read}, but when no entry follows {@code from} it waits up to {@code timeout} for one.
     * Returns an empty list if none arrived in time.
     *
     * @throws InterruptedException when the waiting thread is interrupted (how consumers are stopped)
     */
    @Override
    public List<LogEntry> poll(int partition, long from, int max, Duration timeout) throws InterruptedException {
        checkPartition(partition);
        if (max <= 0) {
            throw new IllegalArgumentException("max must be positive, got " + max);
        }
        long nanos = Durations.nanos(Objects.requireNonNull(timeout, "timeout"));
        lock.lockInterruptibly();
        try {
            List<LogEntry> out = slice(partition, from, max);
            while (out.isEmpty() && nanos > 0) {
                nanos = appended.awaitNanos(nanos);
                out = slice(partition, from, max);
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    /** Every entry in append order, across partitions. */
    public List<LogEntry> entries() {
        lock.lock();
        try {
            return List.copyOf(all);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Writes every event, in append order, to {@code file} as JSON lines (one event per line, each
     * ended by {@code \n}, in UTF-8), creating parent folders and replacing the file.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    public void writeTo(Path file) {
        Objects.requireNonNull(file, "file");
        EventLogFile.write(file, entries().stream().map(LogEntry::event).toList());
    }

    /** Replays a JSON-lines file into a new {@value #ARTICLES} log with {@value #DEFAULT_PARTITIONS} partitions. */
    public static EventLog readFrom(Path file) {
        return readFrom(file, ARTICLES, DEFAULT_PARTITIONS);
    }

    /**
     * Replays a JSON-lines file written by {@link #writeTo} into a new log, appending its events in
     * file order. With the same number of partitions, every event gets back its partition and offset.
     *
     * <p>The file is strict, so that no event is lost or invented silently:
     * <ul>
     *   <li>it is UTF-8 text (a byte order mark at its start is skipped);</li>
     *   <li>every line holds exactly one event, so line <i>n</i> holds the <i>n</i>-th event appended:
     *       two events on one line, or anything after the event, is an error, and so is a blank
     *       line (a blank line holds no event, and is most often the trace of a bad hand edit);</li>
     *   <li>a line ends with {@code \n} or {@code \r\n}; the newline after the last line is optional;</li>
     *   <li>an event has exactly the fields {@code key, resource, action, data}, its article exactly
     *       those of {@link Article} and each paragraph those of {@link Paragraph}: none missing,
     *       none unknown, none null, each of its type (a whole number is not written 1.5), and
     *       the rules of {@link Event} and {@link Article} hold.</li>
     * </ul>
     * Offsets are not stored in the file: they are the events' positions in their partitions.
     *
     * @throws MalformedLogException when the file is missing or cannot be read, or a line breaks a
     *                               rule above; its message names the file, the line, the column
     *                               where Jackson knows it, the field, and what was expected, e.g.
     *                               {@code malformed log file a.jsonl at line 3, column 8: field 'key':
     *                               expected a whole number, got the string "seven"}
     */
    public static EventLog readFrom(Path file, String topic, int partitions) {
        Objects.requireNonNull(file, "file");
        EventLog log = new EventLog(topic, partitions);
        EventLogFile.read(file, log::append);
        return log;
    }

    @Override
    public String toString() {
        return "EventLog[" + topic + ", " + partitions + " partitions, " + size() + " events]";
    }

    private List<LogEntry> slice(int partition, long from, int max) {
        List<LogEntry> part = parts.get(partition);
        if (from < 0 || from > part.size()) {
            throw new IllegalArgumentException("offset " + from + " is outside partition " + partition
                    + " of topic " + topic + ": a read starts at 0 to " + part.size() + " (the end), and "
                    + holding(part.size()));
        }
        int end = (int) Math.min(part.size(), from + max);
        return List.copyOf(part.subList((int) from, end));
    }

    private void checkPartition(int partition) {
        if (partition < 0 || partition >= partitions) {
            throw new IllegalArgumentException("partition must be 0 to " + (partitions - 1) + " (topic " + topic
                    + " has " + partitions + "), got " + partition);
        }
    }

    /** How many entries a partition of this size holds, in words. */
    private static String holding(int size) {
        return size == 0 ? "the partition is empty" : size == 1 ? "the partition holds one entry, at offset 0"
                : "the partition holds " + size + " entries, at offsets 0 to " + (size - 1);
    }
}
