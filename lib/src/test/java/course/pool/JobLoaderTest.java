package course.pool;

import course.concurrent.Context;
import course.data.BadInput;
import course.pool.JobLoader.JobBatch;
import course.pool.JobLoader.JobSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static course.data.BadInput.invalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/** Loading job files: the demo batch, what a job keeps, and the exact error each malformed file gives. */
class JobLoaderTest {
    /** A valid batch, one job a line: job "a" is line 4, job "b" line 5, the file closes on line 7. */
    static final String BATCH = """
            {
              "about": "t",
              "jobs": [
                {"id": "a", "type": "double", "argument": 1},
                {"id": "b", "type": "sleep", "metadata": {"k": "v"}, "argument": 2}
              ]
            }
            """;

    @TempDir
    Path dir;

    @Test
    void theDemoBatchHoldsTheOriginalTenJobsAndOneMalformedJob() throws InterruptedException {
        List<Job<Object, Integer>> batch = JobLoader.demo();
        assertEquals(11, batch.size());
        try (WorkerPool<Object, Integer> pool = new WorkerPool<>(2)) {
            List<Result<Integer>> results = pool.runAll(Context.background(), batch);
            assertEquals(11, results.size());
            for (Result<Integer> r : results) {
                int id = Integer.parseInt(r.descriptor().id());
                if (id < 10) {
                    assertEquals(2 * id, r.value());
                } else {
                    assertTrue(r.error().getMessage().startsWith(Jobs.WRONG_ARGUMENT_TYPE), r.toString());
                }
            }
        }
    }

    @Test
    void metadataAndArgumentsAreKeptAsWritten() throws IOException {
        List<Job<Object, Integer>> batch = JobLoader.load(write(BATCH));
        assertEquals(2, batch.getFirst().execute(Context.background()).value());
        assertTrue(batch.getFirst().descriptor().metadata().isEmpty(), "absent metadata is empty");
        assertEquals("v", batch.get(1).descriptor().metadata().get("k"));
        assertEquals(2, batch.get(1).execute(Context.background()).value());
    }

    @Test
    void anArgumentOfTheWrongTypeLoadsAndFailsWhenRun() throws IOException {
        List<Job<Object, Integer>> batch = JobLoader.load(write(BATCH.replace("\"argument\": 1", "\"argument\": \"1\"")));
        Result<Integer> result = batch.getFirst().execute(Context.background());
        assertTrue(result.error().getMessage().startsWith(Jobs.WRONG_ARGUMENT_TYPE), result.toString());
    }

    @Test
    void aMissingFileIsReportedByName() {
        Path missing = dir.resolve("nope.json");
        JobSpecException e = assertThrows(JobSpecException.class, () -> JobLoader.load(missing));
        assertEquals("job file " + missing + ": the file does not exist", e.getMessage());
        assertEquals(missing, e.file());
    }

    static String batchWith(String from, String to) {
        return BadInput.with(BATCH, from, to);
    }

    static final String JOB_A = "{\"id\": \"a\", \"type\": \"double\", \"argument\": 1}";

    /** Each row: the file, the line and field (null when none) the message names, and what else it says. */
    static Stream<Arguments> malformedBatches() {
        return Stream.of(
                bad("no jobs field", "{\n  \"about\": \"t\"\n}\n", 3, "jobs",
                        "expected a list (a JSON array)", "found nothing: the field is missing"),
                bad("jobs that are null", "{\n  \"about\": \"t\",\n  \"jobs\": null\n}\n", 3, "jobs",
                        "expected a list (a JSON array)", "found null"),
                bad("an empty batch", "{\n  \"about\": \"t\",\n  \"jobs\": []\n}\n", 3, "jobs",
                        "expected at least one job, found none"),
                bad("a null job", batchWith(JOB_A, "null"), 4, "jobs[0]",
                        "expected an object (a JSON object)", "found null"),
                bad("a job that is text", batchWith(JOB_A, "\"a\""), 4, "jobs[0]",
                        "expected an object (a JSON object)", "found the text \"a\""),
                bad("a job without an id", batchWith("\"id\": \"a\", ", ""), 4, "jobs[0].id",
                        "expected text (a JSON string)", "found nothing: the field is missing"),
                bad("a null id", batchWith("\"id\": \"a\"", "\"id\": null"), 4, "jobs[0].id",
                        "expected text (a JSON string)", "found null"),
                bad("a blank id", batchWith("\"id\": \"a\"", "\"id\": \" \""), 4, "jobs[0].id",
                        "expected a job id that is not blank, found \" \""),
                bad("a number for an id", batchWith("\"id\": \"a\"", "\"id\": 7"), 4, "jobs[0].id",
                        "expected text (a JSON string)", "found the number 7"),
                bad("a repeated id", batchWith("\"id\": \"b\"", "\"id\": \"a\""), 5, "jobs[1].id",
                        "expected an id no other job has, found \"a\", the id of jobs[0]"),
                bad("a job without a type", batchWith("\"type\": \"double\", ", ""), 4, "jobs[0].type",
                        "expected text (a JSON string)", "found nothing: the field is missing"),
                bad("an unknown type", batchWith("\"type\": \"double\"", "\"type\": \"triple\""), 4, "jobs[0].type",
                        "expected \"double\" or \"sleep\", found \"triple\""),
                bad("a number for a type", batchWith("\"type\": \"double\"", "\"type\": 2"), 4, "jobs[0].type",
                        "expected text (a JSON string)", "found the number 2"),
                bad("metadata that is a list", batchWith("{\"k\": \"v\"}", "[\"k\"]"), 5, "jobs[1].metadata",
                        "expected an object (a JSON object)", "found a list"),
                bad("a misspelt field", batchWith("\"argument\": 1", "\"arg\": 1"), 4, "jobs[0].arg",
                        "unknown field", "expected one of \"id\", \"type\", \"metadata\", \"argument\""),
                bad("a repeated field", batchWith("\"id\": \"a\"", "\"id\": \"a\", \"id\": \"c\""), 4, "jobs[0]",
                        "field 'id' appears twice in one object"),
                bad("two batches in one file", BATCH + BATCH, 8, null,
                        "expected the end of the file after the first JSON value"),
                bad("a number for the about text", batchWith("\"about\": \"t\"", "\"about\": 1"), 2, "about",
                        "expected text (a JSON string)", "found the number 1"),
                bad("a list of jobs without the batch", "[\n  " + JOB_A + "\n]\n", 1, null,
                        "expected an object (a JSON object)", "found a list"),
                bad("a missing comma", batchWith("\"argument\": 1},", "\"argument\": 1}"), 5, "jobs",
                        "was expecting comma"));
    }

    static Arguments bad(String name, String json, int line, String field, String... says) {
        return argumentSet(name, json, line, field, List.of(says));
    }

    @ParameterizedTest
    @MethodSource("malformedBatches")
    void aMalformedFileNamesTheFileLineFieldAndWhatWasExpected(String json, int line, String field, List<String> says)
            throws IOException {
        Path file = write(json);
        JobSpecException e = assertThrows(JobSpecException.class, () -> JobLoader.load(file));
        assertEquals(file, e.file());
        BadInput.assertNames(e.getMessage(), "job file " + file + " at line " + line + ", column ", field, says);
    }

    static Stream<Arguments> invalidRecords() {
        JobSpec a = new JobSpec("a", Jobs.DOUBLE, Map.of(), 1);
        JobSpec b = new JobSpec("b", Jobs.SLEEP, Map.of(), 1);
        return Stream.of(
                invalid("a null id", () -> new JobSpec(null, Jobs.DOUBLE, Map.of(), 1),
                        NullPointerException.class, "id: expected a job id, found null"),
                invalid("a blank id", () -> new JobSpec("  ", Jobs.DOUBLE, Map.of(), 1),
                        IllegalArgumentException.class, "id: expected a job id that is not blank, found \"  \""),
                invalid("a null type", () -> new JobSpec("a", null, Map.of(), 1),
                        NullPointerException.class, "type: expected \"double\" or \"sleep\", found null"),
                invalid("an unknown type", () -> new JobSpec("a", "triple", Map.of(), 1),
                        IllegalArgumentException.class, "type: expected \"double\" or \"sleep\", found \"triple\""),
                invalid("null jobs", () -> new JobBatch("t", null),
                        NullPointerException.class, "jobs: expected a list of jobs, found null"),
                invalid("no jobs", () -> new JobBatch("t", List.of()),
                        IllegalArgumentException.class, "jobs: expected at least one job, found none"),
                invalid("a null job", () -> new JobBatch("t", Arrays.asList(a, null)),
                        NullPointerException.class, "jobs[1]: expected a job, found null"),
                invalid("a repeated id", () -> new JobBatch("t", List.of(a, b, a)),
                        IllegalArgumentException.class, "jobs[2].id: expected an id no other job has, found \"a\", the id of jobs[0]"));
    }

    @ParameterizedTest
    @MethodSource("invalidRecords")
    void theRecordsRejectWhatNoFileMayHold(Executable construct, Class<? extends Throwable> type, String message) {
        BadInput.assertRejected(construct, type, message);
    }

    @Test
    void theRecordsDefaultWhatAFileMayOmit() {
        assertEquals(Map.of(), new JobSpec("a", Jobs.DOUBLE, null, 1).metadata());
        assertEquals("", new JobBatch(null, List.of(new JobSpec("a", Jobs.DOUBLE, null, 1))).about());
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("k", null);
        assertTrue(new JobSpec("a", Jobs.DOUBLE, withNull, 1).metadata().containsKey("k"), "a null value is kept");
    }

    private Path write(String json) throws IOException {
        Path file = Files.createTempFile(dir, "jobs", ".json");
        Files.writeString(file, json);
        return file;
    }
}
