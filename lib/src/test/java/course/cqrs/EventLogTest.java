package course.cqrs;

import course.testing.Delays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventLogTest {
    /** The one delay this class uses: how long a poll waits when nothing arrives. */
    static final Duration SHORT = Delays.SHORT;

    @TempDir
    Path dir;

    private static Event event(long id, int version) {
        return new Event(id, "article", version == 1 ? Event.Action.CREATE : Event.Action.UPDATE,
                new Article(id, "user" + id, "https://x.org/" + id, List.of("t" + version), List.of(), 1, 1, version));
    }

    @Test
    void theSameKeyAlwaysLandsInTheSamePartition() {
        EventLog log = new EventLog("articles", 3);
        for (long key = 1; key < 50; key++) {
            int p = log.partitionFor(key);
            assertTrue(p >= 0 && p < 3);
            assertEquals(p, log.append(event(key, 1)).partition());
            assertEquals(p, log.append(event(key, 2)).partition());
        }
        assertEquals(Math.floorMod(Long.hashCode(-5L), 3), log.partitionFor(-5));
    }

    @Test
    void offsetsCountFromZeroWithoutGapsInEveryPartition() {
        EventLog log = new EventLog("articles", 4);
        for (long key = 1; key <= 40; key++) {
            log.append(event(key, 1));
        }
        long total = 0;
        for (int p = 0; p < 4; p++) {
            List<LogEntry> entries = log.read(p, 0, 1_000);
            for (int i = 0; i < entries.size(); i++) {
                assertEquals(i, entries.get(i).offset());
                assertEquals(p, entries.get(i).partition());
            }
            total += entries.size();
            assertEquals(entries.size(), log.endOffset(p));
        }
        assertEquals(40, total);
        assertEquals(40, log.size());
    }

    @Test
    void readersCanStartFromTheBeginningAtAnyTime() {
        EventLog log = new EventLog("articles", 1);
        log.append(event(1, 1));
        log.append(event(1, 2));
        assertEquals(log.read(0, 0, 10), log.read(0, 0, 10));
        assertEquals(1, log.read(0, 1, 10).getFirst().event().data().version() - 1);
        assertEquals(List.of(), log.read(0, 2, 10));
    }

    @Test
    void readingPastTheEndIsAnError() {
        EventLog log = new EventLog("articles", 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> log.read(0, 1, 10));
        assertTrue(e.getMessage().contains("offset 1 is outside partition 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> log.read(2, 0, 10));
    }

    @Test
    void pollTakesATimeoutBeyond292YearsAndReturnsWhatIsThere() throws InterruptedException {
        EventLog log = new EventLog("articles", 1);
        log.append(event(1, 1));
        assertEquals(1, log.poll(0, 0, 10, Duration.ofSeconds(Long.MAX_VALUE)).size());
    }

    @Test
    void pollReturnsEmptyWhenNothingArrives() throws InterruptedException {
        EventLog log = new EventLog("articles", 1);
        assertEquals(List.of(), log.poll(0, 0, 10, SHORT));
    }

    @Test
    void pollWakesUpWhenAnEntryIsAppended() throws Exception {
        EventLog log = new EventLog("articles", 1);
        AtomicReference<List<LogEntry>> got = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                got.set(log.poll(0, 0, 10, TestData.PATIENCE));
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "event-log-test-reader");
        reader.start();
        log.append(event(1, 1));
        reader.join(TestData.PATIENCE.toMillis());
        assertFalse(reader.isAlive(), "the reader is still waiting");
        assertEquals(null, failure.get());
        assertEquals(1, got.get().size());
    }

    @Test
    void pollStopsWhenInterrupted() throws Exception {
        EventLog log = new EventLog("articles", 1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                log.poll(0, 0, 10, TestData.PATIENCE);
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "event-log-test-reader");
        reader.start();
        reader.interrupt();
        reader.join(TestData.PATIENCE.toMillis());
        assertFalse(reader.isAlive());
        assertTrue(thrown.get() instanceof InterruptedException, String.valueOf(thrown.get()));
    }

    @Test
    void aWrittenLogReplaysToTheSameEventsPartitionsAndOffsets() {
        EventLog log = new EventLog("articles", 3);
        for (long key = 1; key <= 10; key++) {
            log.append(event(key, 1));
        }
        log.append(event(4, 2));
        Path file = dir.resolve("sub/articles.jsonl");
        log.writeTo(file);
        EventLog again = EventLog.readFrom(file, "articles", 3);
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        log.entries().forEach(e -> before.add(e.partition() + "/" + e.offset() + "/" + e.event()));
        again.entries().forEach(e -> after.add(e.partition() + "/" + e.offset() + "/" + e.event()));
        assertEquals(before, after);
    }

    @Test
    void aMalformedLineIsReportedWithFileAndLine() throws Exception {
        Path file = dir.resolve("bad.jsonl");
        EventLog log = new EventLog("articles", 2);
        log.append(event(1, 1));
        log.append(event(2, 1));
        log.writeTo(file);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.add("{\"key\": 3, \"resource\": \"article\", \"action\": \"create\", \"data\": ");
        Files.write(file, lines);
        MalformedLogException e = assertThrows(MalformedLogException.class, () -> EventLog.readFrom(file));
        assertEquals(3, e.line());
        assertEquals(file, e.file());
        assertTrue(e.getMessage().startsWith("malformed log file " + file + " at line 3, column "), e.getMessage());
    }

    /** A valid event line, to build bad ones from; its columns are easy to count in the cases below. */
    static final String VALID = "{\"key\":1,\"resource\":\"article\",\"action\":\"create\",\"data\":{\"id\":1,\"userId\":\"ana\","
            + "\"sourceUrl\":\"https://a.org\",\"hashtags\":[\"go\"],\"paragraphs\":[{\"text\":\"Hi.\",\"hashtags\":[\"x\"]}],"
            + "\"createdAt\":1,\"updatedAt\":1,\"version\":1}}";

    private static Arguments bad(String name, String line, String expected) {
        return bad(name, line.getBytes(StandardCharsets.UTF_8), expected);
    }

    private static Arguments bad(String name, byte[] line, String expected) {
        return Arguments.of(name, line, expected);
    }

    /** {@link #VALID} with the first {@code from} replaced by {@code to}. */
    private static String valid(String from, String to) {
        assertTrue(VALID.contains(from), from);
        return VALID.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    }

    /** {@link #VALID} with {@code "ana"} spelt with the given bytes in its middle, which are not UTF-8. */
    private static byte[] notUtf8(int... bytes) {
        int at = VALID.indexOf("ana") + 2;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(VALID.substring(0, at).getBytes(StandardCharsets.UTF_8));
        for (int b : bytes) {
            out.write(b);
        }
        out.writeBytes(VALID.substring(at).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /**
     * Bad lines and the exact error each gives, after {@code malformed log file <file> at line 2}.
     * (Offsets are not stored in a log file, they are positions, so there is no offset to get wrong.)
     */
    static Stream<Arguments> malformedLines() {
        int userId = VALID.indexOf("ana") + 1; // column of the 'a' of "ana"
        return Stream.of(
                bad("two events on one line", VALID + VALID, ", column " + (VALID.length() + 1)
                        + ": a second JSON value follows the event; every line must hold exactly one event"),
                bad("two events separated by a space", VALID + " " + VALID, ", column " + (VALID.length() + 2)
                        + ": a second JSON value follows the event; every line must hold exactly one event"),
                bad("a number after the event", VALID + " 7", ", column " + (VALID.length() + 2)
                        + ": a second JSON value follows the event; every line must hold exactly one event"),
                bad("trailing garbage", VALID + " xyz", ", column " + (VALID.length() + 2)
                        + ": unexpected text after the event (Unrecognized token 'xyz': was expecting (JSON String,"
                        + " Number, Array, Object or token 'null', 'true' or 'false')); every line must hold exactly one event"),
                bad("a brace too many", VALID + "}", ", column " + (VALID.length() + 1)
                        + ": unexpected text after the event (Unexpected close marker '}': no open Object to close); every line must hold exactly one event"),
                bad("a truncated line", VALID.substring(0, 80), ", column 81: the line ends before the event does (is it cut short?)"),
                bad("a string for a number", valid("\"key\":1", "\"key\":\"seven\""),
                        ", column 8: field 'key': expected a whole number, got the string \"seven\""),
                bad("a fraction for a whole number", valid("\"version\":1", "\"version\":1.5"), ", column " + (VALID.length() - 2)
                        + ": field 'data.version': expected a whole number, got the number 1.5"),
                bad("a number too large", valid("\"key\":1", "\"key\":99999999999999999999"),
                        ", column 28: field 'key': expected a whole number, got the number 99999999999999999999, which is out of range"),
                bad("a string for a list", valid("\"hashtags\":[\"go\"]", "\"hashtags\":\"go\""), ", column "
                        + (VALID.indexOf("[\"go\"]") + 1) + ": field 'data.hashtags': expected a list of strings, got the string \"go\""),
                bad("a list for the article", "{\"key\":1,\"resource\":\"article\",\"action\":\"create\",\"data\":[]}",
                        ", column 56: field 'data': expected an article (an object with the fields id, userId, sourceUrl,"
                        + " hashtags, paragraphs, createdAt, updatedAt and version), got a list"),
                bad("a number for the article", "{\"key\":1,\"resource\":\"article\",\"action\":\"create\",\"data\":5}",
                        ", column 56: field 'data': expected an article (an object with the fields id, userId, sourceUrl,"
                        + " hashtags, paragraphs, createdAt, updatedAt and version), got the number 5"),
                bad("a missing field", valid("\"hashtags\":[\"go\"],", ""), ": field 'data.hashtags' is missing"),
                bad("a missing key", valid("\"key\":1,", ""), ": field 'key' is missing"),
                bad("a missing paragraph text", valid("\"text\":\"Hi.\",", ""), ": field 'data.paragraphs[0].text' is missing"),
                bad("a null field", valid("\"ana\"", "null"), ": field 'data.userId' is null; an event holds no null"),
                bad("a null in a list", valid("[\"go\"]", "[null]"), ": field 'data.hashtags[0]' is null; an event holds no null"),
                bad("an unknown action", valid("\"create\"", "\"delete\""),
                        ", column 40: field 'action': expected create or update, got the string \"delete\""),
                bad("an unknown field", valid("\"action\"", "\"acton\""),
                        ": unknown field 'acton'; an event has exactly key, resource, action and data"),
                bad("an unknown field at the end", VALID.substring(0, VALID.length() - 1) + ",\"extra\":true}",
                        ": unknown field 'extra'; an event has exactly key, resource, action and data"),
                bad("an unknown field in a paragraph", valid("\"text\"", "\"txt\""),
                        ": unknown field 'data.paragraphs[0].txt'; a paragraph has exactly text and hashtags"),
                bad("a duplicate field", valid("\"key\":1,", "\"key\":1,\"key\":1,"),
                        ", column 15: duplicate field 'key' appears twice; a field may appear once only"),
                bad("an empty key", valid("\"key\":1", "\"key\":0"), ": event key must be a positive article id, got 0"),
                bad("an empty string for a key", valid("\"key\":1", "\"key\":\"\""),
                        ", column 8: field 'key': expected a whole number, got the string \"\""),
                bad("a negative key", valid("\"key\":1", "\"key\":-3"), ": event key must be a positive article id, got -3"),
                bad("a key that is not the article's id", valid("\"key\":1", "\"key\":2"),
                        ": event key 2 differs from its article's id 1"),
                bad("another resource", valid("\"article\"", "\"user\""), ": event resource must be 'article', got 'user'"),
                bad("an article that breaks a rule", valid("\"version\":1", "\"version\":0"),
                        ": field 'data': article version must be positive, got 0"),
                bad("a list, not an event", "[1,2]",
                        ", column 1: expected an event, an object with the fields key, resource, action and data, got a list"),
                bad("null, not an event", "null",
                        ", column 1: expected an event, an object with the fields key, resource, action and data, got null"),
                bad("not JSON", "{key:1}", ", column 2: not JSON: Unexpected character ('k' (code 107)): was expecting double-quote to start field name"),
                bad("a blank line", "", ": the line is blank; every line must hold exactly one event"),
                bad("a line of spaces", "  \t", ": the line is blank; every line must hold exactly one event"),
                bad("a byte that is not UTF-8", notUtf8(0xFF), ", column " + (userId + 2)
                        + ": not UTF-8: byte 0xFF cannot appear here in UTF-8 text; a log file must be written in UTF-8"),
                bad("a UTF-8 character cut short", notUtf8(0xE2, 0x82), ", column " + (userId + 2)
                        + ": not UTF-8: bytes 0xE2 0x82 cannot appear here in UTF-8 text; a log file must be written in UTF-8"),
                bad("Latin-1 text", notUtf8(0xE9), ", column " + (userId + 2)
                        + ": not UTF-8: byte 0xE9 cannot appear here in UTF-8 text; a log file must be written in UTF-8"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedLines")
    void aMalformedLineIsRejectedNamingTheFileTheLineAndTheField(String name, byte[] line, String expected) throws Exception {
        Path file = dir.resolve("bad.jsonl");
        java.io.ByteArrayOutputStream content = new java.io.ByteArrayOutputStream();
        content.writeBytes((VALID + "\n").getBytes(StandardCharsets.UTF_8));
        content.writeBytes(line);
        content.writeBytes(("\n" + valid("\"key\":1", "\"key\":2").replace("\"id\":1", "\"id\":2") + "\n").getBytes(StandardCharsets.UTF_8));
        Files.write(file, content.toByteArray());
        MalformedLogException e = assertThrows(MalformedLogException.class, () -> EventLog.readFrom(file), name);
        assertEquals(file, e.file());
        assertEquals(2, e.line(), e.getMessage());
        String prefix = "malformed log file " + file + " at line 2";
        assertTrue(e.getMessage().startsWith(prefix + expected),
                () -> name + "\n  expected: " + prefix + expected + "\n  got:      " + e.getMessage());
    }

    @Test
    void crLfEndingsAMissingFinalNewlineAndAByteOrderMarkAreAccepted() throws Exception {
        Path file = dir.resolve("ok.jsonl");
        String second = valid("\"key\":1", "\"key\":2").replace("\"id\":1", "\"id\":2");
        Files.write(file, ("\uFEFF" + VALID + "\r\n" + second).getBytes(StandardCharsets.UTF_8));
        assertEquals(2, EventLog.readFrom(file).size());
        Files.writeString(file, VALID + "\n" + second + "\n");
        assertEquals(2, EventLog.readFrom(file).size(), "one newline at the end is the end of the last line");
        Files.writeString(file, "");
        assertEquals(0, EventLog.readFrom(file).size(), "an empty file is an empty log");
        Files.writeString(file, VALID + "\n\n");
        MalformedLogException blank = assertThrows(MalformedLogException.class, () -> EventLog.readFrom(file));
        assertEquals(2, blank.line(), "a second newline makes a blank line");
    }

    @Test
    void aWrittenLogEndsEveryLineWithANewlineOnEverySystem() throws Exception {
        EventLog log = new EventLog("articles", 2);
        log.append(event(1, 1));
        log.append(event(2, 1));
        Path file = dir.resolve("two.jsonl");
        log.writeTo(file);
        String text = Files.readString(file);
        assertEquals(2, text.chars().filter(c -> c == '\n').count());
        assertFalse(text.contains("\r"), "no platform line separator");
        assertTrue(text.endsWith("}\n"));
    }

    @Test
    void aDirectoryIsReportedAsUnreadable() {
        MalformedLogException e = assertThrows(MalformedLogException.class, () -> EventLog.readFrom(dir));
        assertEquals(0, e.line());
        assertTrue(e.getMessage().startsWith("cannot read log file " + dir + ": "), e.getMessage());
    }

    @Test
    void aMissingFileIsReportedByName() {
        Path file = dir.resolve("missing.jsonl");
        MalformedLogException e = assertThrows(MalformedLogException.class, () -> EventLog.readFrom(file));
        assertEquals("cannot read log file " + file + ": the file does not exist", e.getMessage());
    }

    @Test
    void theSampleLogReplays() {
        EventLog log = EventLog.readFrom(course.Course.data("cqrs/sample-log.jsonl"));
        assertEquals(14, log.size());
    }

    /** A bad call on a log of 2 partitions holding one entry in partition {@code partitionFor(1)}. */
    interface Call {
        void on(EventLog log) throws Exception;
    }

    private static Arguments call(String name, Call call, Class<? extends Exception> type, String message) {
        return Arguments.of(name, call, type, message);
    }

    /** Bad arguments and the exact error each gives. */
    static Stream<Arguments> badCalls() {
        int full = new EventLog("articles", 2).partitionFor(1);
        int empty = 1 - full;
        return Stream.of(
                call("no topic", log -> new EventLog(null, 1), NullPointerException.class, "topic"),
                call("a blank topic", log -> new EventLog(" ", 1), IllegalArgumentException.class, "topic name is blank"),
                call("no partitions", log -> new EventLog("articles", 0), IllegalArgumentException.class,
                        "partitions must be 1 to 1024, got 0"),
                call("too many partitions", log -> new EventLog("articles", 1025), IllegalArgumentException.class,
                        "partitions must be 1 to 1024, got 1025"),
                call("no event", log -> log.append(null), NullPointerException.class, "event"),
                call("a partition past the last", log -> log.read(2, 0, 10), IllegalArgumentException.class,
                        "partition must be 0 to 1 (topic articles has 2), got 2"),
                call("a negative partition", log -> log.endOffset(-1), IllegalArgumentException.class,
                        "partition must be 0 to 1 (topic articles has 2), got -1"),
                call("a negative offset", log -> log.read(full, -1, 10), IllegalArgumentException.class,
                        "offset -1 is outside partition " + full + " of topic articles: a read starts at 0 to 1 (the end),"
                        + " and the partition holds one entry, at offset 0"),
                call("an offset past the end", log -> log.read(empty, 1, 10), IllegalArgumentException.class,
                        "offset 1 is outside partition " + empty + " of topic articles: a read starts at 0 to 0 (the end),"
                        + " and the partition is empty"),
                call("no room to read into", log -> log.read(full, 0, 0), IllegalArgumentException.class,
                        "max must be positive, got 0"),
                call("a poll with no timeout", log -> log.poll(full, 0, 1, null), NullPointerException.class, "timeout"),
                call("a poll from a negative offset", log -> log.poll(full, -5, 1, SHORT), IllegalArgumentException.class,
                        "offset -5 is outside partition " + full + " of topic articles: a read starts at 0 to 1 (the end),"
                        + " and the partition holds one entry, at offset 0"),
                call("an entry that is not there", log -> log.entry(full, 1), IndexOutOfBoundsException.class,
                        "partition " + full + " of topic articles has no entry at offset 1: the partition holds one entry, at offset 0"),
                call("an entry in an empty partition", log -> log.entry(empty, 0), IndexOutOfBoundsException.class,
                        "partition " + empty + " of topic articles has no entry at offset 0: the partition is empty"),
                call("a negative entry offset", log -> log.entry(full, -1), IndexOutOfBoundsException.class,
                        "partition " + full + " of topic articles has no entry at offset -1: the partition holds one entry, at offset 0"),
                call("no file to write", log -> log.writeTo(null), NullPointerException.class, "file"),
                call("no file to read", log -> EventLog.readFrom(null), NullPointerException.class, "file"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCalls")
    void aBadArgumentIsRejectedSayingWhatWasExpected(String name, Call call, Class<? extends Exception> type, String message) {
        EventLog log = new EventLog("articles", 2);
        log.append(event(1, 1));
        Exception e = assertThrows(type, () -> call.on(log), name);
        assertEquals(message, e.getMessage(), name);
    }
}
