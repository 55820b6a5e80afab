package course.cqrs;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static course.cqrs.TestData.PATIENCE;
import static course.cqrs.TestData.create;
import static course.cqrs.TestData.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProjectorTest {
    private long threadsBefore;

    @BeforeEach
    void countThreads() throws InterruptedException {
        threadsBefore = TestData.awaitPoolThreadsAtMost(0);
    }

    @AfterEach
    void noThreadIsLeaked() throws InterruptedException {
        assertEquals(threadsBefore, TestData.awaitPoolThreadsAtMost(threadsBefore), "projector threads left running");
    }

    /** A fresh read model built synchronously from the whole log: the reference. */
    private static ReadStore.Contents freshReplay(EventLog log) {
        try (ReadStore reference = new ReadStore()) {
            reference.replay(log);
            return reference.contents();
        }
    }

    @Test
    void lagReachesZeroAfterWritesStop() throws Exception {
        EventLog log = new EventLog("articles", 3);
        try (WriteService writes = new WriteService(log); ReadStore reads = new ReadStore();
             Projector projector = new Projector(log, reads).start()) {
            writes.createAll(Dataset.generate(1, 300).creates());
            for (long id = 1; id <= 30; id++) {
                writes.update(update(id, "later"));
            }
            assertTrue(projector.awaitCaughtUp(PATIENCE), () -> "still behind: " + projector.lag());
            assertEquals(Lag.NONE, projector.lag());
            assertEquals(log.size(), projector.applied());
            assertEquals(freshReplay(log), reads.contents());
        }
    }

    @Test
    void entriesOfAPartitionAreAppliedInOffsetOrder() throws Exception {
        EventLog log = new EventLog("articles", 4);
        Map<Integer, List<Long>> seen = new HashMap<>();
        for (int p = 0; p < 4; p++) {
            seen.put(p, Collections.synchronizedList(new ArrayList<>()));
        }
        try (WriteService writes = new WriteService(log); ReadStore reads = new ReadStore();
             Projector projector = new Projector(log, reads, e -> seen.get(e.partition()).add(e.offset())).start()) {
            SplittableRandom rng = new SplittableRandom(9);
            for (int i = 0; i < 200; i++) {
                long id = writes.create(create("u" + (i % 17), "https://x.org/" + (i % 23), "t" + rng.nextInt(5)));
                if (rng.nextBoolean()) {
                    writes.update(update(id, "t" + rng.nextInt(5)));
                }
            }
            assertTrue(projector.awaitCaughtUp(PATIENCE), () -> "still behind: " + projector.lag());
        }
        for (int p = 0; p < 4; p++) {
            List<Long> offsets = seen.get(p);
            for (int i = 0; i < offsets.size(); i++) {
                assertEquals(i, offsets.get(i), "partition " + p + " applied out of order: " + offsets);
            }
            assertEquals(log.endOffset(p), offsets.size());
        }
    }

    @Test
    void aRestartedProjectorAppliesNothingTwice() throws Exception {
        EventLog log = new EventLog("articles", 2);
        try (WriteService writes = new WriteService(log); ReadStore reads = new ReadStore()) {
            writes.createAll(Dataset.generate(2, 100).creates());
            try (Projector first = new Projector(log, reads).start()) {
                assertTrue(first.awaitCaughtUp(PATIENCE));
                assertEquals(100, first.applied());
            }
            ReadStore.Contents before = reads.contents();
            writes.update(update(1, "after", "restart"));
            try (Projector second = new Projector(log, reads).start()) {
                assertTrue(second.awaitCaughtUp(PATIENCE));
                assertEquals(1, second.applied(), "only the new entry is applied");
            }
            assertTrue(reads.contents().byHashtag().containsAll(List.of(
                    new ReadStore.TagRow("after", writes.get(1).orElseThrow().createdAt(), 1, writes.get(1).orElseThrow().sourceUrl()))));
            assertFalse(reads.contents().equals(before));
            assertEquals(freshReplay(log), reads.contents());
        }
    }

    @Test
    void rebuildReproducesTheSameReadModel() throws Exception {
        EventLog log = new EventLog("articles", 3);
        try (WriteService writes = new WriteService(log); ReadStore reads = new ReadStore();
             Projector projector = new Projector(log, reads).start()) {
            List<Long> ids = writes.createAll(Dataset.generate(3, 250).creates());
            for (int i = 0; i < 40; i++) {
                writes.update(update(ids.get(i * 5), "rebuild" + (i % 4)));
            }
            assertTrue(projector.awaitCaughtUp(PATIENCE));
            ReadStore.Contents before = reads.contents();
            projector.rebuild();
            assertTrue(projector.awaitCaughtUp(PATIENCE), () -> "rebuild still behind: " + projector.lag());
            assertEquals(before, reads.contents());
        }
    }

    @Test
    void aFailingPartitionStopsAtItsEntryAndResumesWithoutLossOrDuplication() throws Exception {
        EventLog log = new EventLog("articles", 2);
        AtomicBoolean broken = new AtomicBoolean(true);
        long poisoned = 7;
        try (WriteService writes = new WriteService(log); ReadStore reads = new ReadStore();
             Projector projector = new Projector(log, reads, e -> {
                 if (broken.get() && e.event().key() == poisoned && e.event().action() == Event.Action.UPDATE) {
                     throw new IllegalStateException("cannot project article " + poisoned);
                 }
             }).start()) {
            List<Long> ids = writes.createAll(Dataset.generate(4, 40).creates());
            writes.update(update(poisoned, "poison"));
            for (long id : ids) {
                writes.update(update(id, "later"));
            }
            assertFalse(projector.awaitCaughtUp(PATIENCE), "a failed partition cannot catch up");
            Map<Integer, ProjectionException> failures = projector.failures();
            int bad = log.partitionFor(poisoned);
            assertEquals(List.of(bad), List.copyOf(failures.keySet()));
            ProjectionException failure = failures.get(bad);
            assertEquals(log.entries().stream().filter(e -> e.event().key() == poisoned
                    && e.event().action() == Event.Action.UPDATE).findFirst().orElseThrow().offset(), failure.offset());
            assertTrue(failure.getMessage().contains("failed at offset " + failure.offset() + " (update of article 7)"),
                    failure.getMessage());
            assertEquals(failure.offset(), reads.nextOffset(bad), "the store's offset stops at the failed entry");
            assertTrue(projector.lag().eventsBehind() > 0);

            broken.set(false);
            projector.resume();
            assertTrue(projector.awaitCaughtUp(PATIENCE), () -> "still behind after resume: " + projector.lag());
            assertEquals(Map.of(), projector.failures());
            assertEquals(log.size(), projector.applied(), "every entry applied exactly once");
            assertEquals(freshReplay(log), reads.contents());
        }
    }

    @Test
    void readModelsEqualAFreshReplayAfterRandomInterleavings() throws Exception {
        for (long seed = 1; seed <= 4; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            Dataset data = Dataset.generate(seed, 60);
            EventLog log = new EventLog("articles", 1 + rng.nextInt(4));
            try (WriteService writes = new WriteService(log); ReadStore reads = new ReadStore();
                 Projector projector = new Projector(log, reads)) {
                List<Long> ids = new ArrayList<>();
                for (CreateArticle c : data.creates()) {
                    ids.add(writes.create(c));
                    switch (rng.nextInt(6)) {
                        case 0 -> projector.start();
                        case 1 -> projector.stop();
                        case 2 -> writes.update(data.randomUpdate(rng, ids.get(rng.nextInt(ids.size()))));
                        case 3 -> writes.create(c); // a retried create: must change nothing
                        default -> { }
                    }
                }
                projector.start();
                assertTrue(projector.awaitCaughtUp(PATIENCE), "seed " + seed + ": " + projector.lag());
                assertEquals(freshReplay(log), reads.contents(), "seed " + seed);
            }
        }
    }

    @Test
    void closeEndsPromptlyWhileConsumersWaitForEntries() throws Exception {
        EventLog log = new EventLog("articles", 4);
        ReadStore reads = new ReadStore();
        Projector projector = new Projector(log, reads).start();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread closer = new Thread(() -> {
            try {
                projector.close();
                projector.close();
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "projector-test-closer");
        closer.start();
        closer.join(PATIENCE.toMillis());
        assertFalse(closer.isAlive(), "close did not return");
        assertNull(failure.get());
        assertThrows(IllegalStateException.class, projector::start);
        reads.close();
    }

    @Test
    void closeEndsWhileABacklogIsBeingApplied() throws Exception {
        EventLog log = new EventLog("articles", 2);
        try (WriteService writes = new WriteService(log); ReadStore reads = new ReadStore()) {
            writes.createAll(Dataset.generate(6, 1_000).creates());
            Projector projector = new Projector(log, reads).start();
            projector.close();
            long applied = projector.applied();
            assertTrue(applied <= log.size());
            assertEquals(reads.nextOffset(0) + reads.nextOffset(1), applied, "offsets match what was applied");
        }
    }

    @Test
    void lagCountsEntriesAndAgesTheOldest() throws Exception {
        EventLog log = new EventLog("articles", 2);
        try (WriteService writes = new WriteService(log); ReadStore reads = new ReadStore();
             Projector projector = new Projector(log, reads)) {
            assertEquals(Lag.NONE, projector.lag());
            writes.create(create("ana", "https://a.org", "go"));
            writes.create(create("ben", "https://b.org", "go"));
            Lag lag = projector.lag();
            assertEquals(2, lag.eventsBehind());
            assertTrue(lag.oldestUnappliedAge().compareTo(Duration.ZERO) >= 0);
            assertFalse(lag.caughtUp());
            projector.start();
            assertTrue(projector.awaitCaughtUp(PATIENCE));
            assertTrue(projector.lag().caughtUp());
        }
    }
}
