package course.cqrs;

import course.concurrent.internal.Durations;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import course.data.DataFiles;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
public final class EventLog {
    /** The topic the write service publishes to. */
    public static final String ARTICLES = "articles";
    /** Partitions of a log built without saying how many. */
    public static final int DEFAULT_PARTITIONS = 4;

    private static final ObjectWriter LINE_WRITER =
            DataFiles.mapper().writerFor(Event.class).without(SerializationFeature.INDENT_OUTPUT);

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
    public String topic() {
        return topic;
    }

    /** How many partitions the log has. */
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
     * @throws java.io.UncheckedIOException when the file cannot be written
     */
    public void writeTo(Path file) {
        Objects.requireNonNull(file, "file");
        List<LogEntry> snapshot = entries();
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (LogEntry e : snapshot) {
                    out.write(LINE_WRITER.writeValueAsString(e.event()));
                    out.write('\n');
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write log file " + file + ": " + e.getMessage(), e);
        }
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
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new MalformedLogException(file, 0, 0, "the file does not exist", e);
        } catch (IOException e) {
            String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                    : e instanceof FileSystemException ? e.getClass().getSimpleName() : e.getMessage();
            throw new MalformedLogException(file, 0, 0, reason, e);
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int from = startsWith(bytes, BOM) ? BOM.length : 0;
        int number = 0;
        while (from < bytes.length) {
            number++;
            int newline = indexOf(bytes, (byte) '\n', from);
            int end = newline < 0 ? bytes.length : newline;
            int stop = end > from && bytes[end - 1] == '\r' ? end - 1 : end;
            String line = decode(file, number, bytes, from, stop - from, utf8);
            log.append(parseLine(file, number, line));
            from = end + 1;
        }
        return log;
    }

    // ---- reading one line ---------------------------------------------------------------------

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** Reads a line's JSON as a tree; trailing content is checked here, by hand, to name it well. */
    private static final ObjectReader TREE_READER = DataFiles.mapper().readerFor(JsonNode.class)
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** Binds a line to an event, strictly, whatever the shared mapper's defaults. */
    private static final ObjectReader LINE_READER = DataFiles.mapper().readerFor(Event.class)
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                    DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                    DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
                    DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    /** One line's bytes as text, or an error naming the line and the column of the first byte that is not UTF-8. */
    private static String decode(Path file, int number, byte[] bytes, int from, int length, CharsetDecoder utf8) {
        utf8.reset();
        ByteBuffer in = ByteBuffer.wrap(bytes, from, length);
        CharBuffer out = CharBuffer.allocate(length); // UTF-8 never decodes to more chars than bytes
        CoderResult result = utf8.decode(in, out, true);
        if (!result.isError()) {
            result = utf8.flush(out);
        }
        if (result.isError()) {
            StringBuilder bad = new StringBuilder();
            for (int i = 0; i < result.length(); i++) {
                bad.append(i == 0 ? "" : " ").append(String.format("0x%02X", bytes[in.position() + i] & 0xFF));
            }
            throw new MalformedLogException(file, number, out.position() + 1, "not UTF-8: "
                    + (result.length() == 1 ? "byte " : "bytes ") + bad
                    + " cannot appear here in UTF-8 text; a log file must be written in UTF-8", null);
        }
        return out.flip().toString();
    }

    /**
     * One line as an event. Plan: 1. the line is not blank; 2. it is one JSON value and nothing
     * after it (read as a tree, duplicate fields refused); 3. the tree has the event's shape (no
     * unknown, missing or null field); 4. it binds to an {@link Event} (types and event rules).
     */
    private static Event parseLine(Path file, int number, String line) {
        if (line.isBlank()) {
            throw new MalformedLogException(file, number, 0, "the line is blank; every line must hold exactly one event", null);
        }
        JsonNode tree = readOneValue(file, number, line);
        if (!tree.isObject()) {
            throw new MalformedLogException(file, number, 1, "expected an event, an object with the fields "
                    + fieldList(Event.class) + ", got " + describe(tree), null);
        }
        String shape = shapeProblem(tree, Event.class, "");
        if (shape != null) {
            throw new MalformedLogException(file, number, 0, shape, null);
        }
        try {
            return LINE_READER.readValue(line);
        } catch (ValueInstantiationException e) {
            Throwable rule = e.getCause() == null ? e : e.getCause();
            String message = rule.getMessage() == null ? rule.toString() : rule.getMessage();
            String path = path(e);
            // no column: Jackson's is the end of the object, which does not point at the problem
            throw new MalformedLogException(file, number, 0,
                    path.isEmpty() ? message : "field '" + path + "': " + message, e);
        } catch (JsonMappingException e) {
            String path = path(e);
            JsonNode got = nodeAt(tree, e.getPath());
            Type expected = typeAt(e.getPath());
            String problem = got == null || expected == null || path.isEmpty()
                    ? "field '" + path + "': " + e.getOriginalMessage()
                    : "field '" + path + "': expected " + describe(expected) + ", got " + describe(got)
                      + (outOfRange(expected, got) ? ", which is out of range" : "");
            throw new MalformedLogException(file, number, column(e), problem, e);
        } catch (JsonProcessingException e) {
            throw new MalformedLogException(file, number, column(e), "not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The line's one JSON value as a tree; an error for bad JSON, a duplicate field, or anything after the value. */
    private static JsonNode readOneValue(Path file, int number, String line) {
        try (JsonParser parser = DataFiles.mapper().createParser(line)) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            JsonNode tree;
            try {
                tree = TREE_READER.readValue(parser);
            } catch (JsonEOFException e) {
                throw new MalformedLogException(file, number, column(e),
                        "the line ends before the event does (is it cut short?)", e);
            } catch (JsonProcessingException e) {
                String message = e.getOriginalMessage();
                throw new MalformedLogException(file, number, column(e), message.startsWith("Duplicate field")
                        ? "d" + message.substring(1) + " appears twice; a field may appear once only"
                        : "not JSON: " + message, e);
            }
            try {
                if (parser.nextToken() != null) {
                    throw new MalformedLogException(file, number, parser.currentTokenLocation().getColumnNr(),
                            "a second JSON value follows the event; every line must hold exactly one event", null);
                }
            } catch (JsonProcessingException e) {
                throw new MalformedLogException(file, number, column(e), "unexpected text after the event ("
                        + e.getOriginalMessage() + "); every line must hold exactly one event", e);
            }
            return tree;
        } catch (IOException e) {
            throw new MalformedLogException(file, number, 0, e.toString(), e); // reading a String: not expected
        }
    }

    /**
     * The first field of {@code node} that is unknown, missing or null, checked against the
     * components of {@code type} and, within them, of the records and lists of records they hold;
     * null when there is none. Wrong types are left to binding, which knows their column.
     */
    private static String shapeProblem(JsonNode node, Class<?> type, String path) {
        if (!node.isObject() || !type.isRecord()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            names.add(c.getName());
        }
        for (var it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!names.contains(name)) {
                return "unknown field '" + join(path, name) + "'; " + article(type) + " has exactly " + fieldList(type);
            }
        }
        for (RecordComponent c : type.getRecordComponents()) {
            JsonNode value = node.get(c.getName());
            String at = join(path, c.getName());
            if (value == null) {
                return "field '" + at + "' is missing";
            }
            String inner = value.isNull() ? "field '" + at + "' is null; an event holds no null"
                    : shapeProblem(value, c.getGenericType(), at);
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }

    /** {@link #shapeProblem(JsonNode, Class, String)} for a component's declared type, records and lists of them. */
    private static String shapeProblem(JsonNode value, Type type, String path) {
        if (type instanceof Class<?> c) {
            return shapeProblem(value, c, path);
        }
        if (type instanceof ParameterizedType list && List.class.equals(list.getRawType()) && value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                String at = path + "[" + i + "]";
                String inner = value.get(i).isNull() ? "field '" + at + "' is null; an event holds no null"
                        : shapeProblem(value.get(i), list.getActualTypeArguments()[0], at);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    /** The declared type at a Jackson path from {@link Event}, or null when the path leaves the records. */
    private static Type typeAt(List<JsonMappingException.Reference> path) {
        Type type = Event.class;
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null && type instanceof Class<?> c && c.isRecord()) {
                type = java.util.Arrays.stream(c.getRecordComponents()).filter(r -> r.getName().equals(ref.getFieldName()))
                        .map(RecordComponent::getGenericType).findFirst().orElse(null);
            } else if (ref.getIndex() >= 0 && type instanceof ParameterizedType list) {
                type = list.getActualTypeArguments()[0];
            } else {
                return null;
            }
        }
        return type;
    }

    /** The node at a Jackson path in the line's tree, or null. */
    private static JsonNode nodeAt(JsonNode tree, List<JsonMappingException.Reference> path) {
        JsonNode node = tree;
        for (JsonMappingException.Reference ref : path) {
            node = node == null ? null : ref.getFieldName() != null ? node.get(ref.getFieldName()) : node.get(ref.getIndex());
        }
        return node;
    }

    /** A Jackson path as a learner would write it: {@code data.paragraphs[0].text}. */
    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /** What a value of this declared type looks like, in words. */
    private static String describe(Type type) {
        if (type == long.class || type == int.class || type == Long.class || type == Integer.class) {
            return "a whole number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type instanceof Class<?> c && c.isEnum()) {
            List<String> names = java.util.Arrays.stream(c.getEnumConstants())
                    .map(k -> ((Enum<?>) k).name().toLowerCase(java.util.Locale.ROOT)).toList();
            return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
        }
        if (type instanceof Class<?> c && c.isRecord()) {
            return article(c) + " (an object with the fields " + fieldList(c) + ")";
        }
        if (type instanceof ParameterizedType list && List.class.equals(list.getRawType())
                && list.getActualTypeArguments()[0] instanceof Class<?> element) {
            return "a list of " + element.getSimpleName().toLowerCase(java.util.Locale.ROOT) + "s";
        }
        return type.getTypeName();
    }

    /** What a JSON value is, in words, quoting short scalars. */
    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "the string " + abbreviate(node.toString());
            case NUMBER -> "the number " + abbreviate(node.toString());
            case BOOLEAN -> "the value " + node;
            case NULL -> "null";
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static boolean outOfRange(Type expected, JsonNode got) {
        return got.isIntegralNumber() && ((expected == long.class && !got.canConvertToLong())
                || (expected == int.class && !got.canConvertToInt()));
    }

    private static String article(Class<?> type) {
        String name = type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
        return ("aeiou".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
    }

    /** {@code key, resource, action and data}. */
    private static String fieldList(Class<?> record) {
        List<String> names = java.util.Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
        return names.size() == 1 ? names.getFirst()
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    /** The column Jackson reports, counting from 1 within the line; 0 when it reports none. */
    private static int column(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null || at.getColumnNr() < 1 ? 0 : at.getColumnNr();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && java.util.Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
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
