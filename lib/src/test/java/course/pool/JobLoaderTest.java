package course.pool;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JobLoaderTest {
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
        Path file = write("""
                {"about": "t", "jobs": [
                  {"id": "a", "type": "double", "metadata": {"owner": "me"}, "argument": 4},
                  {"id": "b", "type": "sleep", "argument": 1}
                ]}""");
        List<Job<Object, Integer>> batch = JobLoader.load(file);
        assertEquals("me", batch.getFirst().descriptor().metadata().get("owner"));
        assertEquals(8, batch.getFirst().execute(Context.background()).value());
        assertEquals(1, batch.get(1).execute(Context.background()).value());
        assertTrue(batch.get(1).descriptor().metadata().isEmpty());
    }

    @Test
    void aMissingFileIsReportedByName() {
        Path missing = dir.resolve("nope.json");
        JobSpecException e = assertThrows(JobSpecException.class, () -> JobLoader.load(missing));
        assertTrue(e.getMessage().contains("nope.json"), e.getMessage());
        assertEquals(missing, e.file());
    }

    @Test
    void malformedJsonIsReportedWithItsLine() throws IOException {
        Path file = write("{\"about\": \"t\",\n \"jobs\": [ {\"id\": \"a\", } ]}");
        JobSpecException e = assertThrows(JobSpecException.class, () -> JobLoader.load(file));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void invalidJobsAreReportedByPositionAndId() throws IOException {
        assertMessage("{\"about\": \"t\", \"jobs\": []}", "has no jobs");
        assertMessage("{\"about\": \"t\", \"jobs\": [{\"type\": \"double\", \"argument\": 1}]}", "job 0 has no \"id\"");
        assertMessage("{\"about\": \"t\", \"jobs\": [{\"id\": \"a\", \"type\": \"double\", \"argument\": 1},"
                + "{\"id\": \"a\", \"type\": \"double\", \"argument\": 2}]}", "job 1 repeats the id \"a\" of job 0");
        assertMessage("{\"about\": \"t\", \"jobs\": [{\"id\": \"a\", \"type\": \"triple\", \"argument\": 1}]}",
                "job 0 (id \"a\") has unknown type \"triple\"");
        assertMessage("{\"about\": \"t\", \"jobs\": [{\"id\": \"a\", \"argument\": 1}]}", "has no \"type\"");
        assertMessage("{\"about\": \"t\", \"jobs\": [{\"id\": \"a\", \"type\": \"double\", \"arg\": 1}]}", "arg");
    }

    private void assertMessage(String json, String expected) throws IOException {
        Path file = write(json);
        JobSpecException e = assertThrows(JobSpecException.class, () -> JobLoader.load(file));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    private Path write(String json) throws IOException {
        Path file = Files.createTempFile(dir, "jobs", ".json");
        Files.writeString(file, json);
        return file;
    }
}
