package course.cqrs;

import course.testing.NoThreadsLeft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
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
    @RegisterExtension
    static final NoThreadsLeft NO_THREADS_LEFT = new NoThreadsLeft(TestData::awaitPoolThreadsAtMost,
            () -> "projector threads left running");

    /** A fresh read model built synchronously from the whole log: the reference. */
    private static ReadStore.Contents freshReplay(EventLog log) {
        try (ReadStore reference = new ReadStore()) {
            reference.replay(log);
            return reference.contents();
        }
    }

    @Test
    void awaitCaughtUpIsWokenByTheConsumersWhenTheyCatchUp() throws Exception {
        EventLog log = new EventLog("articles", 2);
        try (WriteService writes = new WriteService(log); ReadStore reads = new ReadStore();
             Projector projector = new Projector(log, reads)) {
            for (int i = 0; i < 20; i++) {
                writes.create(create("u" + i, "https://example.com/" + i, "go"));
            }
            AtomicReference<Boolean> caughtUp = new AtomicReference<>();
            CountDownLatch waiting = new CountDownLatch(1);
            Thread waiter = Thread.ofPlatform().start(() -> {
                waiting.countDown();
                try {
                    caughtUp.set(projector.awaitCaughtUp(PATIENCE));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            waiting.await();
            projector.start(); // the waiter was asleep on the signal; the consumers' batches wake it
            waiter.join(PATIENCE.toMillis() * 2);
            assertFalse(waiter.isAlive(), "awaitCaughtUp did not return");
            assertEquals(Boolean.TRUE, caughtUp.get());
            assertEquals(20, projector.applied());
        }
    }

    @Test
    void awaitCaughtUpTakesATimeoutBeyond292Years() throws Exception {
        EventLog log = new EventLog("articles", 2);
        try (WriteService writes = new WriteService(log); ReadStore reads = new ReadStore();
             Projector projector = new Projector(log, reads).start()) {
            writes.createAll(Dataset.generate(1, 20).creates());
            assertTrue(projector.awaitCaughtUp(Duration.ofSeconds(Long.MAX_VALUE)));
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

    /**
     * Readers on other threads query Q1 and Q2 in a loop while the read model is rebuilt several
     * times. The log does not change meanwhile, so the old model and the rebuilt one give the same
     * answers: every answer must be exactly that, and no query may fail. To make sure the queries
     * overlap each rebuild, the first entry a rebuild applies is held (bounded) until the readers
     * have answered a few more queries.
     */
    @Test
    void queriesKeepGivingTheSameAnswersWhileTheReadModelIsRebuilt() throws Exception {
        int readerCount = 2;
        int rebuilds = 4;
        EventLog log = new EventLog("articles", 3);
        AtomicLong answered = new AtomicLong();
        AtomicBoolean holdNextEntry = new AtomicBoolean();
        AtomicLong problemCount = new AtomicLong();
        ConcurrentLinkedQueue<Throwable> problems = new ConcurrentLinkedQueue<>();
        java.util.function.Consumer<Throwable> report = t -> {
            if (problemCount.incrementAndGet() <= 5) {
                problems.add(t);
            }
        };
        java.util.function.Consumer<LogEntry> holdFirstEntryOfARebuild = e -> {
            if (holdNextEntry.compareAndSet(true, false)) {
                long wanted = answered.get() + 5L * readerCount;
                long end = System.nanoTime() + PATIENCE.toNanos();
                while (answered.get() < wanted && System.nanoTime() - end < 0) {
                    Thread.onSpinWait();
                }
                if (answered.get() < wanted) {
                    report.accept(new AssertionError("the readers answered no query during a rebuild"));
                }
            }
        };
        try (WriteService writes = new WriteService(log); ReadStore reads = new ReadStore();
             Projector projector = new Projector(log, reads, holdFirstEntryOfARebuild).start()) {
            Dataset data = Dataset.generate(12, 200);
            List<Long> ids = writes.createAll(data.creates());
            SplittableRandom rng = new SplittableRandom(12);
            for (int i = 0; i < 30; i++) {
                writes.update(data.randomUpdate(rng, ids.get(rng.nextInt(ids.size()))));
            }
            assertTrue(projector.awaitCaughtUp(PATIENCE), () -> "still behind: " + projector.lag());
            List<String> tags = data.tags().subList(0, 4);
            String url = data.urls().getFirst();
            Map<String, List<ArticleRef>> q1 = writes.store().articlesByHashtags(tags, 20);
            List<String> q2 = writes.store().usersBySourceUrl(url);
            assertEquals(q1, reads.articlesByHashtags(tags, 20));
            assertEquals(q2, reads.usersBySourceUrl(url));
            assertFalse(q1.get(tags.getFirst()).isEmpty(), "the most popular tag has articles");

            AtomicBoolean done = new AtomicBoolean();
            List<Thread> readers = new ArrayList<>();
            for (int r = 0; r < readerCount; r++) {
                readers.add(new Thread(() -> {
                    while (!done.get()) {
                        try {
                            Map<String, List<ArticleRef>> a1 = reads.articlesByHashtags(tags, 20);
                            List<String> a2 = reads.usersBySourceUrl(url);
                            if (!a1.equals(q1) || !a2.equals(q2)) {
                                report.accept(new AssertionError("an inconsistent answer during a rebuild: Q1 "
                                        + a1 + ", Q2 " + a2));
                            }
                        } catch (Throwable t) {
                            report.accept(t);
                        }
                        answered.incrementAndGet();
                    }
                }, "projector-test-reader-" + r));
            }
            readers.forEach(Thread::start);
            try {
                for (int i = 0; i < rebuilds; i++) {
                    holdNextEntry.set(true);
                    projector.rebuild();
                    assertTrue(projector.awaitCaughtUp(PATIENCE), () -> "rebuild still behind: " + projector.lag());
                }
            } finally {
                done.set(true);
                for (Thread t : readers) {
                    t.join(PATIENCE.toMillis());
                }
            }
            for (Thread t : readers) {
                assertFalse(t.isAlive(), t.getName() + " did not stop");
            }
            if (!problems.isEmpty()) {
                AssertionError failure = new AssertionError(problemCount.get() + " of " + answered.get()
                        + " queries failed or gave a wrong answer during " + rebuilds + " rebuilds; the first: "
                        + problems.peek());
                problems.forEach(failure::addSuppressed);
                throw failure;
            }
            assertEquals(freshReplay(log), reads.contents());
        }
    }

    /**
     * While a rebuild is under way, a reader sees the old model, consistent but stale: an article
     * written meanwhile is not listed. Once the rebuilt model has caught up with the log as it was
     * when the rebuild began, it is switched in and goes on catching up like any projection.
     */
    @Test
    void aReaderSeesTheOldModelUntilTheRebuiltOneIsSwitchedIn() throws Exception {
        EventLog log = new EventLog("articles", 2);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean holding = new AtomicBoolean();
        try (WriteService writes = new WriteService(log); ReadStore reads = new ReadStore();
             Projector projector = new Projector(log, reads, e -> {
                 if (holding.get()) {
                     try {
                         release.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                     } catch (InterruptedException interrupted) {
                         Thread.currentThread().interrupt();
                     }
                 }
             }).start()) {
            writes.createAll(Dataset.generate(13, 50).creates());
            assertTrue(projector.awaitCaughtUp(PATIENCE));
            ReadStore.Contents before = reads.contents();
            holding.set(true);
            try {
                projector.rebuild();
                long late = writes.create(create("zed", "https://late.org", "late"));
                ReadStore.Contents during = reads.contents();
                assertTrue(before.equals(during), () -> "the old model must stay unchanged while the new one is built; it has "
                        + during.byHashtag().size() + " tag rows instead of " + before.byHashtag().size());
                assertEquals(List.of(), reads.articlesByHashtags(List.of("late"), 10).get("late"), "stale: no late article yet");
                assertFalse(projector.awaitCaughtUp(Duration.ofMillis(50)), "not caught up while the rebuild is held");
                holding.set(false);
                release.countDown();
                assertTrue(projector.awaitCaughtUp(PATIENCE), () -> "rebuild still behind: " + projector.lag());
                assertEquals(List.of(new ArticleRef(late, "https://late.org")),
                        reads.articlesByHashtags(List.of("late"), 10).get("late"));
                assertEquals(freshReplay(log), reads.contents());
            } finally {
                release.countDown();
            }
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
