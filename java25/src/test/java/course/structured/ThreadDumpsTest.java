package course.structured;

import course.testing.Delays;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.StructuredTaskScope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThreadDumpsTest {
    @Test
    void aDumpShowsARunningScopeAsAContainerOwnedByItsOwner() throws InterruptedException {
        var started = new CountDownLatch(2);
        var release = new CountDownLatch(1);
        try (var scope = StructuredTaskScope.open(StructuredTaskScope.Joiner.<Void>awaitAll(),
                cfg -> cfg.withThreadFactory(Thread.ofVirtual().name("course-dump-test-", 0).factory()))) {
            for (int i = 0; i < 2; i++) {
                scope.fork(() -> {
                    started.countDown();
                    release.await();
                    return null;
                });
            }
            assertTrue(started.await(Delays.LONG.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS));
            var dump = ThreadDumps.take();
            release.countDown();
            scope.join();
            var ours = dump.containers(name -> name.startsWith("course-dump-test-"));
            assertEquals(1, ours.size(), dump.containers().toString());
            assertEquals(Thread.currentThread().threadId(), ours.getFirst().owner());
            assertEquals(2, ours.getFirst().threads().size());
            assertTrue(ours.getFirst().threads().stream().allMatch(ThreadDumps.ThreadInfo::virtual));
            assertFalse(dump.runtimeVersion().isEmpty());
        }
    }

    @Test
    void parseReadsTheContainersOfAJsonDump() throws IOException {
        String json = """
                {"threadDump": {"runtimeVersion": "25", "threadContainers": [
                  {"container": "<root>", "parent": null, "owner": null,
                   "threads": [{"tid": "1", "name": "main", "state": "RUNNABLE", "stack": ["a.B.c(B.java:1)"]}]},
                  {"container": "scope@1", "parent": "<root>", "owner": "1",
                   "threads": [{"tid": "30", "virtual": true, "name": "", "state": "WAITING", "carrier": "22", "stack": []}]}]}}
                """;
        var dump = ThreadDumps.parse(json);
        assertEquals(2, dump.containers().size());
        assertEquals(-1, dump.containers().get(0).owner());
        assertEquals("a.B.c(B.java:1)", dump.containers().get(0).threads().getFirst().topFrame());
        var scoped = dump.containers().get(1);
        assertEquals("<root>", scoped.parent());
        assertEquals(1, scoped.owner());
        assertEquals(22, scoped.threads().getFirst().carrier());
        assertTrue(scoped.threads().getFirst().virtual());
    }

    @Test
    void argumentsAreCheckedAtOnce() {
        assertThrows(NullPointerException.class, () -> ThreadDumps.parse(null));
    }
}
