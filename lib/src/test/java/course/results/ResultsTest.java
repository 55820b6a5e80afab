package course.results;

import course.data.DataFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.NoSuchElementException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loading real JMH JSON output, its machine record, and the errors a bad file gives. */
class ResultsTest {
    @TempDir
    Path dir;

    /** Copies the committed sample (a real JMH 1.37 output from the course's suite) into the temp folder. */
    Path sample() throws IOException {
        return Samples.copy(dir, "host-2026-11-27-120000.json");
    }

    @Test
    void loadsEveryEntryOfARealJmhFile() throws IOException {
        RunResults run = Results.load(sample());
        assertEquals(6, run.results().size());
        BenchResult handoff = run.get("HandoffBench.spsc", "queue", "SynchronousQueue");
        assertEquals("course.bench.HandoffBench.spsc", handoff.benchmark());
        assertEquals("ns/op", handoff.unit());
        assertEquals("avgt", handoff.mode());
        assertTrue(handoff.score() > 0);
        assertTrue(handoff.samples() >= 1);
        assertFalse(run.machine().isPresent(), "the sample has no machine record beside it");
    }

    @Test
    void namesKeepNestedBenchmarkClasses() throws IOException {
        RunResults run = Results.load(sample());
        BenchResult loop = run.get("PipelineBench.Baselines.plainLoop");
        assertEquals("plainLoop", loop.method());
        assertEquals("PipelineBench.Baselines.plainLoop", loop.label());
    }

    @Test
    void readsNaNErrorsAsNaN() throws IOException {
        String json = Files.readString(sample()).replaceFirst("\"scoreError\" : [0-9.eE+-]+", "\"scoreError\" : \"NaN\"");
        Path file = dir.resolve("nan.json");
        Files.writeString(file, json);
        RunResults run = Results.load(file);
        assertTrue(run.results().stream().anyMatch(r -> Double.isNaN(r.error())));
        assertTrue(run.results().stream().allMatch(r -> r.errorOrZero() >= 0));
    }

    @Test
    void readsTheMachineRecordBesideTheResults() throws IOException {
        Path file = sample();
        Machine written = Machine.probe("quick", "1 fork", Instant.parse("2026-11-27T12:00:00Z"), 42, "a test");
        DataFiles.write(Results.machineFile(file), written);
        RunResults run = Results.load(file);
        assertEquals(written, run.machine().orElseThrow());
        assertTrue(run.describe().contains("quick profile"));
    }

    @Test
    void aMalformedFileNamesTheFileAndTheLine() throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "[\n  {\"benchmark\": \"x\",\n  oops\n]");
        ResultsException e = assertThrows(ResultsException.class, () -> Results.load(file));
        assertTrue(e.getMessage().contains("broken.json"), e.getMessage());
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertEquals(file, e.file());
    }

    @Test
    void anEntryWithoutAScoreNamesTheEntryAndTheField() throws IOException {
        Path file = dir.resolve("noscore.json");
        Files.writeString(file, Files.readString(sample()).replaceFirst("\"score\" : ", "\"scor\" : "));
        ResultsException e = assertThrows(ResultsException.class, () -> Results.load(file));
        assertTrue(e.getMessage().contains("entry 0"), e.getMessage());
        assertTrue(e.getMessage().contains("primaryMetric.score"), e.getMessage());
    }

    @Test
    void aFileThatIsNotAnArrayIsRejected() throws IOException {
        Path file = dir.resolve("object.json");
        Files.writeString(file, "{\"benchmark\": \"x\"}");
        ResultsException e = assertThrows(ResultsException.class, () -> Results.load(file));
        assertTrue(e.getMessage().contains("an array of results"), e.getMessage());
    }

    @Test
    void aMissingFileSaysItDoesNotExist() {
        ResultsException e = assertThrows(ResultsException.class, () -> Results.load(dir.resolve("none.json")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void aMalformedMachineRecordIsAnError() throws IOException {
        Path file = sample();
        Files.writeString(Results.machineFile(file), "{\"host\": \"h\", \"cores\": 2, \"colour\": \"red\"}");
        ResultsException e = assertThrows(ResultsException.class, () -> Results.load(file));
        assertTrue(e.getMessage().contains("machine record"), e.getMessage());
    }

    @Test
    void latestPicksTheNewestResultsFileAndSkipsMachineRecords() throws IOException {
        Path old = sample();
        Path newer = dir.resolve("host-2026-11-28-120000.json");
        Files.copy(old, newer);
        Files.setLastModifiedTime(old, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        Files.setLastModifiedTime(newer, FileTime.from(Instant.parse("2026-01-02T00:00:00Z")));
        Files.writeString(dir.resolve("host-2026-11-29-120000.machine.json"), "{}");
        assertEquals(newer, Results.latest(dir).orElseThrow());
        assertTrue(Results.latest(dir.resolve("missing")).isEmpty());
    }

    @Test
    void getExplainsWhatIsThereWhenNothingMatches() throws IOException {
        RunResults run = Results.load(sample());
        NoSuchElementException e = assertThrows(NoSuchElementException.class, () -> run.get("PoolBench.nothing"));
        assertTrue(e.getMessage().contains("HandoffBench.spsc"), e.getMessage());
        assertThrows(NoSuchElementException.class, () -> run.get("HandoffBench.spsc"));   // four match
    }
}
