package course.cqrs;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static course.cqrs.TestData.create;
import static course.cqrs.TestData.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadStoreTest {
    @Test
    void q1AndQ2AgreeWithTheCrudJoinsAfterAReplay() {
        Dataset data = Dataset.generate(11, 400);
        EventLog log = new EventLog("articles", 3);
        try (WriteService writes = new WriteService(log); ReadStore reads = new ReadStore()) {
            List<Long> ids = writes.createAll(data.creates());
            SplittableRandom rng = new SplittableRandom(3);
            for (int i = 0; i < 60; i++) {
                writes.update(data.randomUpdate(rng, ids.get(rng.nextInt(ids.size()))));
            }
            reads.replay(log);
            CrudStore crud = writes.store();
            for (int i = 0; i < 30; i++) {
                List<String> tags = data.randomTags(rng, 3);
                assertEquals(crud.articlesByHashtags(tags, 15), reads.articlesByHashtags(tags, 15), "Q1 " + tags);
                String url = data.randomUrl(rng);
                assertEquals(crud.usersBySourceUrl(url), reads.usersBySourceUrl(url), "Q2 " + url);
            }
            assertEquals(crud.articlesByHashtags(data.tags(), 1_000), reads.articlesByHashtags(data.tags(), 1_000));
        }
    }

    @Test
    void anUpdateLeavesNoStaleTagRows() {
        EventLog log = new EventLog("articles", 2);
        try (WriteService writes = new WriteService(log); ReadStore reads = new ReadStore()) {
            long id = writes.create(create("ana", "https://go.dev/blog", "go", "pipelines"));
            writes.update(update(id, "go", "streaming"));
            reads.replay(log);
            assertEquals(List.of(), reads.articlesByHashtags(List.of("pipelines"), 10).get("pipelines"));
            assertEquals(List.of("go", "streaming"),
                    reads.contents().byHashtag().stream().map(ReadStore.TagRow::tag).toList());
        }
    }

    @Test
    void applyingAnEntryTwiceChangesNothing() {
        EventLog log = new EventLog("articles", 2);
        try (WriteService writes = new WriteService(log); ReadStore reads = new ReadStore()) {
            long id = writes.create(create("ana", "https://go.dev/blog", "go"));
            writes.update(update(id, "java"));
            LogEntry created = log.entries().get(0);
            LogEntry updated = log.entries().get(1);
            assertTrue(reads.apply(created));
            assertTrue(reads.apply(updated));
            ReadStore.Contents once = reads.contents();
            assertFalse(reads.apply(created), "an old create must not undo the update");
            assertFalse(reads.apply(updated));
            assertEquals(0, reads.replay(log));
            assertEquals(once, reads.contents());
        }
    }

    @Test
    void anEntryThatSkipsAheadIsRefusedAndChangesNothing() {
        EventLog log = new EventLog("articles", 1);
        try (WriteService writes = new WriteService(log); ReadStore reads = new ReadStore()) {
            writes.create(create("ana", "https://a.org", "go"));
            writes.create(create("ben", "https://b.org", "go"));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> reads.apply(log.entries().get(1)));
            assertTrue(e.getMessage().contains("partition 0 expects offset 0 next, got 1"), e.getMessage());
            assertEquals(0, reads.nextOffset(0));
            assertEquals(new ReadStore.Contents(List.of(), List.of()), reads.contents());
        }
    }

    @Test
    void aFailedBatchAppliesNothing() {
        EventLog log = new EventLog("articles", 1);
        try (WriteService writes = new WriteService(log); ReadStore reads = new ReadStore()) {
            writes.create(create("ana", "https://a.org", "go"));
            writes.create(create("ben", "https://b.org", "go"));
            List<LogEntry> both = log.entries();
            assertThrows(IllegalStateException.class, () -> reads.applyAll(both, e -> {
                if (e.offset() == 1) {
                    throw new IllegalStateException("boom");
                }
            }));
            assertEquals(0, reads.nextOffset(0));
            assertEquals(2, reads.applyAll(both));
        }
    }

    @Test
    void resetAndReplayRebuildTheSameReadModel() {
        Dataset data = Dataset.generate(5, 200);
        EventLog log = new EventLog("articles", 4);
        try (WriteService writes = new WriteService(log); ReadStore reads = new ReadStore()) {
            writes.createAll(data.creates());
            writes.update(update(3, "rebuilt"));
            reads.replay(log);
            ReadStore.Contents before = reads.contents();
            reads.reset();
            assertEquals(new ReadStore.Contents(List.of(), List.of()), reads.contents());
            assertEquals(0, reads.nextOffset(2));
            assertEquals(log.size(), reads.replay(log));
            assertEquals(before, reads.contents());
        }
    }

    @Test
    void aModelRebuiltBesideTheServedOneIsInvisibleUntilTheSwitch() {
        EventLog log = new EventLog("articles", 2);
        try (WriteService writes = new WriteService(log); ReadStore reads = new ReadStore()) {
            long id = writes.create(create("ana", "https://go.dev/blog", "go"));
            reads.replay(log);
            ReadStore.Contents old = reads.contents();
            writes.update(update(id, "java"));

            reads.beginRebuild();
            assertTrue(reads.isRebuilding());
            assertEquals(0, reads.nextOffset(log.partitionFor(id)), "applies go to the new, empty model");
            assertEquals(log.size(), reads.replay(log));
            assertEquals(old, reads.contents(), "queries still read the old model");
            assertEquals(List.of(new ArticleRef(id, "https://go.dev/blog")), reads.articlesByHashtags(List.of("go"), 5).get("go"));

            assertTrue(reads.finishRebuild());
            assertFalse(reads.isRebuilding());
            assertFalse(reads.finishRebuild(), "no rebuild under way any more");
            assertEquals(List.of(), reads.articlesByHashtags(List.of("go"), 5).get("go"));
            assertEquals(List.of(new ArticleRef(id, "https://go.dev/blog")), reads.articlesByHashtags(List.of("java"), 5).get("java"));
            assertEquals(0, reads.replay(log), "the switched-in model keeps its offsets");
        }
    }

    @Test
    void aSecondRebuildAbandonsTheFirstAndResetAbandonsBoth() {
        EventLog log = new EventLog("articles", 1);
        try (WriteService writes = new WriteService(log); ReadStore reads = new ReadStore()) {
            writes.create(create("ana", "https://a.org", "go"));
            reads.replay(log);
            reads.beginRebuild();
            reads.replay(log);
            reads.beginRebuild();
            assertEquals(0, reads.nextOffset(0), "the second rebuild starts empty");
            reads.reset();
            assertFalse(reads.isRebuilding());
            assertEquals(new ReadStore.Contents(List.of(), List.of()), reads.contents());
            assertEquals(1, reads.replay(log));
            assertEquals(1, reads.contents().byHashtag().size());
        }
    }

    @Test
    void q1ReadsItsRowsOffTheKeyAlreadySorted() {
        try (ReadStore reads = new ReadStore()) {
            String q1 = reads.queryPlans().get("Q1");
            assertTrue(q1.contains("index sorted"), q1);
            assertTrue(reads.queryPlans().get("Q2").contains("SOURCE_URL = ?1"), reads.queryPlans().get("Q2"));
        }
    }

    @Test
    void theSampleLogAnswersTheWalkthroughQueries() {
        try (ReadStore reads = new ReadStore()) {
            reads.replay(EventLog.readFrom(course.Course.data("cqrs/sample-log.jsonl")));
            assertEquals(List.of("ana", "ben", "dev"), reads.usersBySourceUrl("https://go.dev/blog/pipelines"));
            assertEquals(List.of(new ArticleRef(3, "https://go.dev/blog/pipelines")),
                    reads.articlesByHashtags(List.of("pipelines"), 10).get("pipelines"),
                    "ana's article moved from #pipelines to #streaming");
        }
    }
}
