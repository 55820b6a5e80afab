package course.cqrs;

import course.testing.Delays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

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
        log.writeTo(file);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.add("");
        lines.add("{\"key\": 2, \"resource\": \"article\", \"action\": \"create\", \"data\": ");
        Files.write(file, lines);
        MalformedLogException e = assertThrows(MalformedLogException.class, () -> EventLog.readFrom(file));
        assertEquals(3, e.line());
        assertEquals(file, e.file());
        assertTrue(e.getMessage().startsWith("malformed log file " + file + " at line 3: "), e.getMessage());
    }

    @Test
    void anUnknownFieldOrAWrongKeyIsReportedWithItsLine() throws Exception {
        Path file = dir.resolve("wrong.jsonl");
        Files.writeString(file, """
                {"key":1,"resource":"article","action":"create","data":{"id":1,"userId":"a","sourceUrl":"https://a.org","hashtags":[],"paragraphs":[],"createdAt":1,"updatedAt":1,"version":1},"extra":true}
                """);
        MalformedLogException unknown = assertThrows(MalformedLogException.class, () -> EventLog.readFrom(file));
        assertEquals(1, unknown.line());
        assertTrue(unknown.getMessage().endsWith("at line 1: unknown field 'extra'; an event has exactly key, resource, action and data"),
                unknown.getMessage());

        Files.writeString(file, """
                {"key":1,"resource":"article","acton":"create","data":{"id":1,"userId":"a","sourceUrl":"https://a.org","hashtags":[],"paragraphs":[],"createdAt":1,"updatedAt":1,"version":1}}
                """);
        MalformedLogException typo = assertThrows(MalformedLogException.class, () -> EventLog.readFrom(file));
        assertTrue(typo.getMessage().contains("unknown field 'acton'"), typo.getMessage());

        Files.writeString(file, """
                {"key":1,"resource":"article","action":"create","data":{"id":1,"userId":"a","sourceUrl":"https://a.org","paragraphs":[],"createdAt":1,"updatedAt":1,"version":1}}
                """);
        MalformedLogException missing = assertThrows(MalformedLogException.class, () -> EventLog.readFrom(file));
        // the shared reader rejects a missing list before the article's constructor sees it
        assertTrue(missing.getMessage().contains("at line 1: ") && missing.getMessage().contains("\"hashtags\""),
                missing.getMessage());

        Files.writeString(file, """
                {"key":2,"resource":"article","action":"create","data":{"id":1,"userId":"a","sourceUrl":"https://a.org","hashtags":[],"paragraphs":[],"createdAt":1,"updatedAt":1,"version":1}}
                """);
        MalformedLogException key = assertThrows(MalformedLogException.class, () -> EventLog.readFrom(file));
        assertTrue(key.getMessage().endsWith("at line 1: event key 2 differs from its article's id 1"), key.getMessage());
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

    @Test
    void badConstructorArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new EventLog("articles", 0));
        assertThrows(IllegalArgumentException.class, () -> new EventLog(" ", 1));
    }
}
