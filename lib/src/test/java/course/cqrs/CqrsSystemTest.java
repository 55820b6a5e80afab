package course.cqrs;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static course.cqrs.TestData.PATIENCE;
import static course.cqrs.TestData.create;
import static course.cqrs.TestData.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CqrsSystemTest {
    private long threadsBefore;

    @BeforeEach
    void countThreads() throws InterruptedException {
        threadsBefore = TestData.awaitPoolThreadsAtMost(0);
    }

    @AfterEach
    void noThreadIsLeaked() throws InterruptedException {
        assertEquals(threadsBefore, TestData.awaitPoolThreadsAtMost(threadsBefore), "threads left running");
    }

    @Test
    void onceCaughtUpQ1AndQ2AgreeWithCrud() throws Exception {
        Dataset data = Dataset.generate(21, 300);
        try (CrudStore crud = new CrudStore(); CqrsSystem cqrs = new CqrsSystem(3)) {
            List<Long> crudIds = crud.createAll(data.creates());
            List<Long> cqrsIds = cqrs.createAll(data.creates());
            assertEquals(crudIds, cqrsIds, "both sides number articles alike");
            SplittableRandom rng = new SplittableRandom(8);
            for (int i = 0; i < 50; i++) {
                UpdateArticle u = data.randomUpdate(rng, crudIds.get(rng.nextInt(crudIds.size())));
                crud.update(u);
                cqrs.update(u);
            }
            assertTrue(cqrs.awaitCaughtUp(PATIENCE), () -> "still behind: " + cqrs.lag());
            for (int i = 0; i < 30; i++) {
                List<String> tags = data.randomTags(rng, 3);
                // The two write sides stamp createdAt with their own clock, so "newest first" may order
                // them differently; ask for every row and compare each tag's rows sorted by id.
                assertEquals(crud.articlesByHashtags(tags, 10_000).values().stream().map(l -> l.stream().sorted(
                                java.util.Comparator.comparingLong(ArticleRef::id)).toList()).toList(),
                        cqrs.articlesByHashtags(tags, 10_000).values().stream().map(l -> l.stream().sorted(
                                java.util.Comparator.comparingLong(ArticleRef::id)).toList()).toList(), "Q1 " + tags);
                String url = data.randomUrl(rng);
                assertEquals(crud.usersBySourceUrl(url), cqrs.usersBySourceUrl(url), "Q2 " + url);
            }
        }
    }

    @Test
    void aWriteBecomesVisibleToQueriesOnceCaughtUp() throws Exception {
        try (CqrsSystem cqrs = new CqrsSystem()) {
            long id = cqrs.create(create("ana", "https://go.dev/blog", "go"));
            assertEquals("ana", cqrs.get(id).orElseThrow().userId(), "the write side reads its own writes at once");
            assertTrue(cqrs.awaitCaughtUp(PATIENCE));
            assertEquals(List.of(new ArticleRef(id, "https://go.dev/blog")), cqrs.articlesByHashtags(List.of("go"), 5).get("go"));
            assertEquals(List.of("ana"), cqrs.usersBySourceUrl("https://go.dev/blog"));
            cqrs.update(update(id, "java"));
            assertTrue(cqrs.awaitCaughtUp(PATIENCE));
            assertEquals(List.of(), cqrs.articlesByHashtags(List.of("go"), 5).get("go"));
        }
    }

    @Test
    void closeIsIdempotent() {
        CqrsSystem cqrs = new CqrsSystem(2);
        cqrs.close();
        cqrs.close();
    }
}
