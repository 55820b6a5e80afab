package course.cqrs;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static course.cqrs.TestData.create;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NewestByHashtagViewTest {
    /** A store loaded with a skewed dataset, on a clock that gives every three articles one millisecond (ties). */
    private static CrudStore loaded(Dataset data) {
        AtomicLong ticks = new AtomicLong(3_000);
        CrudStore crud = new CrudStore("view-test", 2, () -> ticks.incrementAndGet() / 3);
        crud.createAll(data.creates());
        return crud;
    }

    @Test
    void theViewAnswersQ1ExactlyLikeTheStoreTiesIncluded() {
        Dataset data = Dataset.generate(11, 300);
        try (CrudStore crud = loaded(data)) {
            NewestByHashtagView view = NewestByHashtagView.create(crud);
            for (String tag : data.tags().subList(0, 12)) {
                for (int limit : new int[]{1, 7, NewestByHashtagView.PER_TAG}) {
                    assertEquals(crud.articlesByHashtags(List.of(tag, "nosuchtag"), limit),
                            view.articlesByHashtags(List.of(tag, "nosuchtag"), limit), "#" + tag + " limit " + limit);
                }
            }
        }
    }

    @Test
    void theViewIsStaleUntilItIsRefreshed() {
        Dataset data = Dataset.generate(12, 100);
        try (CrudStore crud = loaded(data)) {
            NewestByHashtagView view = NewestByHashtagView.create(crud);
            long id = crud.create(create("late", "https://late.example.org", "freshtag"));
            assertEquals(List.of(), view.articlesByHashtags(List.of("freshtag"), 5).get("freshtag"));
            view.refresh();
            assertEquals(List.of(new ArticleRef(id, "https://late.example.org")),
                    view.articlesByHashtags(List.of("freshtag"), 5).get("freshtag"));
        }
    }

    @Test
    void theViewKeepsAtMostPerTagRowsForEachHashtag() {
        Dataset data = Dataset.generate(13, 2_000);
        try (CrudStore crud = loaded(data)) {
            NewestByHashtagView view = NewestByHashtagView.create(crud);
            long tags = data.tags().size();
            assertTrue(view.rows() <= tags * NewestByHashtagView.PER_TAG, view.rows() + " rows");
            long links = data.creates().stream().mapToLong(c -> c.hashtags().size()).sum();
            assertTrue(view.rows() < links / 2, "the view should be much smaller than the " + links
                    + " (hashtag, article) links: " + view.rows());
            assertTrue(NewestByHashtagView.DEFINITION.contains("newness <= " + NewestByHashtagView.PER_TAG));
        }
    }

    @Test
    void readsDuringRefreshesNeverFindTheViewEmpty() throws InterruptedException {
        Dataset data = Dataset.generate(17, 1_500);
        try (CrudStore crud = loaded(data)) {
            NewestByHashtagView view = NewestByHashtagView.create(crud);
            String tag = data.tags().get(0);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger empty = new AtomicInteger();
            AtomicInteger reads = new AtomicInteger();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread reader = Thread.ofPlatform().name("view-test-reader").start(() -> {
                try {
                    while (!stop.get()) {
                        if (view.articlesByHashtags(List.of(tag), 5).get(tag).isEmpty()) {
                            empty.incrementAndGet();
                        }
                        reads.incrementAndGet();
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            try {
                for (int i = 0; i < 15; i++) {
                    view.refresh();
                }
            } finally {
                stop.set(true);
                reader.join(TestData.PATIENCE.toMillis());
            }
            assertFalse(reader.isAlive(), "the reader did not stop");
            assertEquals(null, failure.get(), "a read failed");
            assertTrue(reads.get() > 0, "the reader never read");
            assertEquals(0, empty.get(), empty + " of " + reads + " reads found the view empty");
        }
    }

    @Test
    void aLimitTheViewCannotAnswerIsRefused() {
        try (CrudStore crud = loaded(Dataset.generate(14, 20))) {
            NewestByHashtagView view = NewestByHashtagView.create(crud);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> view.articlesByHashtags(List.of("java"), NewestByHashtagView.PER_TAG + 1));
            assertTrue(e.getMessage().contains("keeps the newest " + NewestByHashtagView.PER_TAG), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> view.articlesByHashtags(List.of("java"), 0));
        }
    }

    @Test
    void thePlanReadsTheStoredAnswerNotTheJoin() {
        try (CrudStore crud = loaded(Dataset.generate(15, 50))) {
            String plan = NewestByHashtagView.create(crud).plan();
            assertTrue(plan.contains("NEWEST_BY_HASHTAG"), plan);
            assertFalse(plan.contains("ARTICLE_HASHTAGS"), plan);
        }
    }

    @Test
    void aStoreHasTheViewAtMostOnce() {
        try (CrudStore crud = loaded(Dataset.generate(16, 10))) {
            NewestByHashtagView.create(crud);
            assertThrows(DatabaseException.class, () -> NewestByHashtagView.create(crud));
        }
    }
}
