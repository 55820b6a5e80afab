package course.results;

import course.data.BadInput;
import course.data.DataFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

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
    void theCommittedReferenceRunAndItsMachineRecordLoad() {
        RunResults reference = Results.reference();
        assertFalse(reference.results().isEmpty());
        assertTrue(reference.machine().isPresent(), "the reference run ships its machine record");
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
    void aMissingFileSaysItDoesNotExist() {
        Path missing = dir.resolve("none.json");
        ResultsException e = assertThrows(ResultsException.class, () -> Results.load(missing));
        assertEquals("benchmark results " + missing + ": the file does not exist", e.getMessage());
        assertEquals(missing, e.file());
    }

    /**
     * One entry as JMH 1.37 writes it, one field a line: {@code threads} is line 6, {@code score}
     * line 10, {@code scoreError} line 11, the metric closes on line 14 and the entry on line 16.
     */
    static final String ENTRY = """
            [
              {
                "jmhVersion": "1.37",
                "benchmark": "course.bench.X.y",
                "mode": "avgt",
                "threads": 1,
                "forks": 2,
                "params": {"size": "10"},
                "primaryMetric": {
                  "score": 12.5,
                  "scoreError": 0.5,
                  "scoreUnit": "ns/op",
                  "rawData": [[12.0, 13.0], [12.5, 12.5]]
                },
                "secondaryMetrics": {}
              }
            ]
            """;

    static String entryWith(String from, String to) {
        return BadInput.with(ENTRY, from, to);
    }

    /** The entry twice, the second one with {@code from} replaced by {@code to}: its lines are the first's + 15. */
    static String secondEntryWith(String from, String to) {
        String first = ENTRY.substring(0, ENTRY.lastIndexOf("  }"));
        String modified = entryWith(from, to);
        String second = modified.substring(2, modified.lastIndexOf("  }"));
        return first + "  },\n" + second + "  }\n]\n";
    }

    /**
     * Each row: the file, the line, entry (-1 for none) and field (null for none) the message
     * names, and what else it says.
     */
    static Stream<Arguments> malformedResults() {
        return Stream.of(
                bad("a negative score", entryWith("\"score\": 12.5", "\"score\": -12.5"), 10, 0, "primaryMetric.score",
                        "expected a finite number that is not negative, found -12.5"),
                bad("a score beyond the range of a double", entryWith("\"score\": 12.5", "\"score\": 1e400"), 10, 0, "primaryMetric.score",
                        "expected a number as JMH writes it", "found the number 1E+400"),
                bad("a score JMH could not measure (NaN)", entryWith("\"score\": 12.5", "\"score\": \"NaN\""), 10, 0, "primaryMetric.score",
                        "expected a finite number that is not negative, found NaN"),
                bad("an infinite score (+INF)", entryWith("\"score\": 12.5", "\"score\": \"+INF\""), 10, 0, "primaryMetric.score",
                        "expected a finite number that is not negative, found Infinity"),
                bad("a score as text", entryWith("\"score\": 12.5", "\"score\": \"12.5\""), 10, 0, "primaryMetric.score",
                        "expected a number as JMH writes it", "found the text \"12.5\""),
                bad("a missing score", entryWith("      \"score\": 12.5,\n", ""), 13, 0, "primaryMetric.score",
                        "expected a finite number", "found nothing: the field is missing"),
                bad("a negative error", entryWith("\"scoreError\": 0.5", "\"scoreError\": -0.5"), 11, 0, "primaryMetric.scoreError",
                        "expected a number that is not negative, NaN or Infinity, found -0.5"),
                bad("an error of -INF", entryWith("\"scoreError\": 0.5", "\"scoreError\": \"-INF\""), 11, 0, "primaryMetric.scoreError",
                        "expected a number that is not negative, NaN or Infinity, found -Infinity"),
                bad("an error beyond the range of a double", entryWith("\"scoreError\": 0.5", "\"scoreError\": 1e400"),
                        11, 0, "primaryMetric.scoreError", "expected a number as JMH writes it", "found the number 1E+400"),
                bad("an error that is other text", entryWith("\"scoreError\": 0.5", "\"scoreError\": \"n/a\""),
                        11, 0, "primaryMetric.scoreError", "expected a number as JMH writes it", "found the text \"n/a\""),
                bad("negative threads", entryWith("\"threads\": 1", "\"threads\": -1"), 6, 0, "threads",
                        "expected at least 1 thread, found -1"),
                bad("no threads", entryWith("\"threads\": 1", "\"threads\": 0"), 6, 0, "threads",
                        "expected at least 1 thread, found 0"),
                bad("a fraction of a thread", entryWith("\"threads\": 1", "\"threads\": 1.5"), 6, 0, "threads",
                        "expected a whole number", "found the number 1.5"),
                bad("threads as text", entryWith("\"threads\": 1", "\"threads\": \"1\""), 6, 0, "threads",
                        "expected a whole number", "found the text \"1\""),
                bad("negative forks", entryWith("\"forks\": 2", "\"forks\": -1"), 7, 0, "forks",
                        "expected a count that is not negative, found -1"),
                bad("a missing benchmark name", entryWith("    \"benchmark\": \"course.bench.X.y\",\n", ""), 15, 0,
                        "benchmark", "expected text (a JSON string)", "found nothing: the field is missing"),
                bad("a number for the benchmark name", entryWith("\"course.bench.X.y\"", "1"), 4, 0, "benchmark",
                        "expected text (a JSON string)", "found the number 1"),
                bad("a missing mode", entryWith("    \"mode\": \"avgt\",\n", ""), 15, 0, "mode",
                        "expected text (a JSON string)", "found nothing: the field is missing"),
                bad("a missing unit", entryWith("      \"scoreUnit\": \"ns/op\",\n", ""), 13, 0,
                        "primaryMetric.scoreUnit", "expected text (a JSON string)", "found nothing: the field is missing"),
                bad("a missing primary metric", entryWith(ENTRY.substring(ENTRY.indexOf("    \"primaryMetric"),
                                ENTRY.indexOf("    \"secondaryMetrics")), ""), 10, 0, "primaryMetric",
                        "expected an object (a JSON object)", "found nothing: the field is missing"),
                bad("params that are a list", entryWith("{\"size\": \"10\"}", "[\"10\"]"), 8, 0, "params",
                        "expected an object (a JSON object)", "found a list"),
                bad("a number for a parameter", entryWith("{\"size\": \"10\"}", "{\"size\": 10}"), 8, 0, "params.size",
                        "expected text (a JSON string)", "found the number 10"),
                bad("raw data that is not a list", entryWith("[[12.0, 13.0], [12.5, 12.5]]", "5"), 13, 0,
                        "primaryMetric.rawData", "expected a list (a JSON array)", "found the number 5"),
                bad("a second entry that is wrong", secondEntryWith("\"threads\": 1", "\"threads\": \"one\""), 21, 1,
                        "threads", "expected a whole number", "found the text \"one\""),
                bad("two documents", ENTRY + ENTRY, 18, -1, null,
                        "expected the end of the file after the first JSON value"),
                bad("a repeated field", entryWith("\"score\": 12.5,", "\"score\": 12.5,\n      \"score\": 13.0,"),
                        11, 0, "primaryMetric", "field 'score' appears twice in one object"),
                bad("an object instead of JMH's array", "{\"benchmark\": \"x\"}\n", 1, -1, null,
                        "expected a list (a JSON array) of JMH results", "found an object"),
                bad("an entry that is a number", "[1]\n", 1, 0, null,
                        "expected an object (a JSON object)", "found the number 1"),
                bad("a syntax error", "[\n  {\"benchmark\": \"x\",\n  oops\n]", 3, 0, null,
                        "Unexpected character"));
    }

    static Arguments bad(String name, String json, int line, int entry, String field, String says) {
        return argumentSet(name, json, line, entry, field, List.of(says));
    }

    static Arguments bad(String name, String json, int line, int entry, String field, String says, String more) {
        return argumentSet(name, json, line, entry, field, List.of(says, more));
    }

    @ParameterizedTest
    @MethodSource("malformedResults")
    void aMalformedFileNamesTheFileLineEntryFieldAndWhatWasExpected(String json, int line, int entry, String field,
                                                                   List<String> says) throws IOException {
        Path file = dir.resolve("run.json");
        Files.writeString(file, json);
        ResultsException e = assertThrows(ResultsException.class, () -> Results.load(file));
        assertEquals(file, e.file());
        String start = "benchmark results " + file + " at line " + line + ", column ";
        BadInput.assertNames(e.getMessage(), start, field, says);
        if (entry >= 0) {
            String name = json.contains("course.bench.X.y") ? " (course.bench.X.y)" : "";
            assertTrue(e.getMessage().contains(", entry " + entry + name), e.getMessage());
        } else {
            assertFalse(e.getMessage().contains(", entry "), e.getMessage());
        }
    }

    @Test
    void readsWhatJmhWritesForAnUnknownOrUnboundedError() throws IOException {
        Path file = dir.resolve("run.json");
        Files.writeString(file, secondEntryWith("\"scoreError\": 0.5", "\"scoreError\": \"+INF\"")
                .replaceFirst("\"scoreError\": 0.5", "\"scoreError\": \"NaN\""));
        List<BenchResult> results = Results.load(file).results();
        assertTrue(Double.isNaN(results.get(0).error()));
        assertEquals(Double.POSITIVE_INFINITY, results.get(1).error());
        assertEquals(0, results.get(1).errorOrZero());
    }

    @Test
    void optionalFieldsMayBeAbsentAndOtherFieldsAreIgnored() throws IOException {
        Path file = dir.resolve("run.json");
        Files.writeString(file, entryWith("    \"params\": {\"size\": \"10\"},\n", "")
                .replace("      \"rawData\": [[12.0, 13.0], [12.5, 12.5]]\n", "      \"rawData\": []\n")
                .replace("\"forks\": 2", "\"forks\": 0"));
        BenchResult r = Results.load(file).results().getFirst();
        assertEquals(Map.of(), r.params());
        assertEquals(0, r.samples());
        assertEquals(0, r.forks(), "JMH runs in its own JVM with 0 forks");
        Files.writeString(file, ENTRY);
        BenchResult full = Results.load(file).results().getFirst();
        assertEquals(4, full.samples());
        assertEquals(new BenchResult("course.bench.X.y", Map.of("size", "10"), "avgt", 1, 2, 12.5, 0.5, "ns/op", 4), full);
    }

    @Test
    void readsSecondaryMetricsAndAnEventsCounterAsTheMeanOfItsIterations() throws IOException {
        Path file = dir.resolve("run.json");
        Files.writeString(file, entryWith("\"secondaryMetrics\": {}", """
                "secondaryMetrics": {
                  "gc.alloc.rate.norm": {"score": 24.5, "scoreError": 1.5, "scoreUnit": "B/op",
                                         "rawData": [[24.0, 25.0], [24.5, 24.5]]},
                  "cpuNsPerItem": {"score": 30.0, "scoreError": "NaN", "scoreUnit": "#",
                                   "rawData": [[10.0, 12.0], [8.0]]}
                }"""));
        BenchResult r = Results.load(file).results().getFirst();
        BenchResult alloc = r.secondary("gc.alloc.rate.norm");
        assertEquals(new BenchResult("course.bench.X.y", Map.of("size", "10"), "avgt", 1, 2, 24.5, 1.5, "B/op", 4), alloc);
        BenchResult cpu = r.secondary("cpuNsPerItem");
        assertEquals(10.0, cpu.score(), 1e-9, "JMH's 30 is the sum of the iterations; the course reads their mean");
        assertEquals(31.599 * 2.0 / Math.sqrt(3), cpu.error(), 1e-9, "t(2 df) x standard deviation / sqrt(n)");
        assertEquals(3, cpu.samples());
        assertEquals(12.5, r.score(), "the primary metric is unchanged");
        NoSuchElementException missing = assertThrows(NoSuchElementException.class, () -> r.secondary("gc.count"));
        assertTrue(missing.getMessage().contains("[cpuNsPerItem, gc.alloc.rate.norm]"), missing.getMessage());
    }

    @Test
    void aMalformedSecondaryMetricNamesItsField() throws IOException {
        Path file = dir.resolve("run.json");
        Files.writeString(file, entryWith("\"secondaryMetrics\": {}",
                "\"secondaryMetrics\": {\"gc.alloc.rate.norm\": {\"score\": -1, \"scoreError\": 0, \"scoreUnit\": \"B/op\"}}"));
        ResultsException e = assertThrows(ResultsException.class, () -> Results.load(file));
        assertTrue(e.getMessage().contains("field 'secondaryMetrics.gc.alloc.rate.norm.score': expected a finite number"),
                e.getMessage());
    }

    static final String MACHINE = """
            {
              "host": "h",
              "cores": 2,
              "jdk": "25",
              "jdkVendor": "v",
              "vm": "vm",
              "os": "os",
              "arch": "x",
              "cpuModel": "cpu",
              "memoryMiB": 1024,
              "profile": "quick",
              "settings": "1 fork",
              "startedAt": "2026-11-27T12:00:00Z",
              "elapsedSeconds": 3,
              "note": ""
            }
            """;

    static Stream<Arguments> malformedMachineRecords() {
        return Stream.of(
                bad("no cores", MACHINE.replace("\"cores\": 2", "\"cores\": 0"), 3, -1, "cores",
                        "expected at least 1 core, found 0"),
                bad("cores as text", MACHINE.replace("\"cores\": 2", "\"cores\": \"2\""), 3, -1, "cores",
                        "expected a whole number", "found the text \"2\""),
                bad("a missing host", MACHINE.replace("  \"host\": \"h\",\n", ""), 15, -1, "host",
                        "expected text, found null"),
                bad("negative memory", MACHINE.replace("\"memoryMiB\": 1024", "\"memoryMiB\": -1"), 10, -1, "memoryMiB",
                        "expected a size that is not negative (0 when unknown), found -1"),
                bad("a fraction of a second", MACHINE.replace("\"elapsedSeconds\": 3", "\"elapsedSeconds\": 1.5"),
                        14, -1, "elapsedSeconds", "expected a whole number", "found the number 1.5"),
                bad("an unknown field", MACHINE.replace("\"note\": \"\"", "\"note\": \"\", \"colour\": \"red\""),
                        15, -1, "colour", "unknown field", "expected one of \"host\", \"cores\""),
                bad("a repeated field", MACHINE.replace("\"host\": \"h\",", "\"host\": \"h\", \"host\": \"i\","),
                        2, -1, null, "field 'host' appears twice in one object"),
                bad("two records", MACHINE + MACHINE, 17, -1, null,
                        "expected the end of the file after the first JSON value"));
    }

    @ParameterizedTest
    @MethodSource("malformedMachineRecords")
    void aMalformedMachineRecordNamesItsFileLineFieldAndWhatWasExpected(String json, int line, int entry, String field,
                                                                       List<String> says) throws IOException {
        Path file = sample();
        Path machine = Results.machineFile(file);
        Files.writeString(machine, json);
        ResultsException e = assertThrows(ResultsException.class, () -> Results.load(file));
        assertEquals(machine, e.file());
        BadInput.assertNames(e.getMessage(), "machine record " + machine + " at line " + line + ", column ", field, says);
    }

    @Test
    void aWellFormedMachineRecordLoads() throws IOException {
        Path file = sample();
        Files.writeString(Results.machineFile(file), MACHINE);
        assertEquals(2, Results.load(file).machine().orElseThrow().cores());
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
    void withClassReadsTheShownRunFirstThenTheNewestRunThatHasTheClass() throws IOException {
        RunResults shown = Results.load(sample());
        assertEquals(shown, Results.withClass(shown, "HandoffBench", dir, shown));
        Path other = dir.resolve("host-2026-11-28-120000.json");
        Files.writeString(other, ENTRY);    // course.bench.X.y
        RunResults found = Results.withClass(shown, "X", dir, shown);
        assertEquals(other, found.file());
        ResultsException none = assertThrows(ResultsException.class, () -> Results.withClass(shown, "Nothing", dir, shown));
        assertTrue(none.getMessage().contains("make bench BENCH=Nothing"), none.getMessage());
    }

    @Test
    void getExplainsWhatIsThereWhenNothingMatches() throws IOException {
        RunResults run = Results.load(sample());
        NoSuchElementException e = assertThrows(NoSuchElementException.class, () -> run.get("PoolBench.nothing"));
        assertTrue(e.getMessage().contains("HandoffBench.spsc"), e.getMessage());
        assertThrows(NoSuchElementException.class, () -> run.get("HandoffBench.spsc"));   // four match
    }
}
