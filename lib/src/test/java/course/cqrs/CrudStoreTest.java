package course.cqrs;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static course.cqrs.TestData.create;
import static course.cqrs.TestData.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrudStoreTest {
    /** A store whose clock ticks one millisecond per read, so "newest first" is deterministic. */
    private static CrudStore store() {
        AtomicLong now = new AtomicLong(1_000);
        return new CrudStore("crud-test", 2, now::incrementAndGet);
    }

    /** chloe and ana save https://go.dev/blog, ben saves another URL. */
    private static void saveTwoUsersOfOneUrl(CrudStore crud) {
        crud.create(create("chloe", "https://go.dev/blog"));
        crud.create(create("ana", "https://go.dev/blog"));
        crud.create(create("ben", "https://other.org"));
    }

    @Test
    void createIsIdempotentOnUserAndSourceUrl() {
        try (CrudStore crud = store()) {
            long first = crud.create(create("ana", "https://go.dev/blog", "go"));
            long again = crud.create(create("ana", "https://go.dev/blog", "java", "other"));
            long otherUser = crud.create(create("ben", "https://go.dev/blog", "go"));
            assertEquals(first, again);
            assertNotEquals(first, otherUser);
            assertEquals(2, crud.size());
            assertEquals(List.of("go"), crud.get(first).orElseThrow().hashtags(), "the second create changed nothing");
        }
    }

    @Test
    void anArticleRoundTripsWithItsParagraphsAndTags() {
        try (CrudStore crud = store()) {
            CreateArticle c = new CreateArticle("ana", "https://go.dev/blog", List.of("#Go", "concurrency"),
                    List.of(Paragraph.of("One.", "a", "b"), Paragraph.of("Two."), Paragraph.of("Three.", "b")));
            long id = crud.create(c);
            Article a = crud.get(id).orElseThrow();
            assertEquals("ana", a.userId());
            assertEquals("https://go.dev/blog", a.sourceUrl());
            assertEquals(List.of("go", "concurrency"), a.hashtags());
            assertEquals(List.of(Paragraph.of("One.", "a", "b"), Paragraph.of("Two."), Paragraph.of("Three.", "b")),
                    a.paragraphs());
            assertEquals(1, a.version());
        }
    }

    @Test
    void anInvalidCommandStoresNothing() {
        try (CrudStore crud = store()) {
            assertThrows(InvalidCommandException.class, () -> crud.create(create("", "nope")));
            assertThrows(InvalidCommandException.class,
                    () -> crud.createAll(List.of(create("ana", "https://a.org"), create("ben", "bad url"))));
            assertEquals(0, crud.size());
        }
    }

    @Test
    void updateKeepsOwnerAndUrlAndReplacesTags() {
        try (CrudStore crud = store()) {
            long id = crud.create(create("ana", "https://go.dev/blog", "go", "pipelines"));
            Article after = crud.update(update(id, "go", "streaming"));
            assertEquals(id, after.id());
            assertEquals("ana", after.userId());
            assertEquals("https://go.dev/blog", after.sourceUrl());
            assertEquals(List.of("go", "streaming"), after.hashtags());
            assertEquals(2, after.version());
            assertEquals(after, crud.get(id).orElseThrow());
            assertEquals(List.of(), crud.articlesByHashtags(List.of("pipelines"), 10).get("pipelines"));
        }
    }

    @Test
    void updatingAnUnknownArticleSaysWhichId() {
        try (CrudStore crud = store()) {
            UnknownArticleException e = assertThrows(UnknownArticleException.class, () -> crud.update(update(42, "x")));
            assertEquals(42, e.articleId());
            assertEquals("no article with id 42", e.getMessage());
        }
    }

    @Test
    void q1ReturnsTheNewestArticlesPerTagInTheOrderOfTheTags() {
        try (CrudStore crud = store()) {
            long a = crud.create(create("ana", "https://a.org", "go", "java"));
            long b = crud.create(create("ben", "https://b.org", "go"));
            long c = crud.create(create("chloe", "https://c.org", "go", "java"));
            Map<String, List<ArticleRef>> q1 = crud.articlesByHashtags(List.of("#Java", "go", "rust"), 2);
            assertEquals(List.of("java", "go", "rust"), List.copyOf(q1.keySet()));
            assertEquals(List.of(new ArticleRef(c, "https://c.org"), new ArticleRef(a, "https://a.org")), q1.get("java"));
            assertEquals(List.of(new ArticleRef(c, "https://c.org"), new ArticleRef(b, "https://b.org")), q1.get("go"));
            assertEquals(List.of(), q1.get("rust"));
        }
    }

    @Test
    void q2ReturnsEveryUserOfAUrlInOrder() {
        try (CrudStore crud = store()) {
            saveTwoUsersOfOneUrl(crud);
            assertEquals(List.of("ana", "chloe"), crud.usersBySourceUrl("https://go.dev/blog"));
            assertEquals(List.of(), crud.usersBySourceUrl("https://nobody.org"));
        }
    }

    @Test
    void badQueryArgumentsAreRejected() {
        try (CrudStore crud = store()) {
            assertThrows(IllegalArgumentException.class, () -> crud.articlesByHashtags(List.of("no spaces"), 5));
            assertThrows(IllegalArgumentException.class, () -> crud.articlesByHashtags(List.of("go"), 0));
        }
    }

    @Test
    void twoStoresNeverShareTables() {
        try (CrudStore one = new CrudStore(); CrudStore two = new CrudStore()) {
            one.create(create("ana", "https://a.org", "go"));
            assertEquals(1, one.size());
            assertEquals(0, two.size());
        }
    }

    @Test
    void createAllReturnsIdsInOrderAndStaysIdempotent() {
        try (CrudStore crud = store()) {
            List<Long> ids = crud.createAll(List.of(create("a", "https://1.org"), create("b", "https://1.org"),
                    create("a", "https://1.org")));
            assertEquals(3, ids.size());
            assertEquals(ids.get(0), ids.get(2));
            assertEquals(2, crud.all().size());
        }
    }

    @Test
    void theQueryPlansShowQ2ScanningAnIndexThatDoesNotStartWithTheUrl() {
        try (CrudStore crud = store()) {
            Map<String, String> plans = crud.queryPlans();
            assertEquals(List.of("Q1", "Q2"), List.copyOf(plans.keySet()));
            assertTrue(plans.get("Q2").contains("ARTICLES_USER_URL"), plans.get("Q2"));
            assertTrue(!plans.get("Q2").contains("SOURCE_URL = ?"), "Q2 should not be an index lookup: " + plans.get("Q2"));
        }
    }

    @Test
    void theSourceUrlIndexTurnsQ2IntoALookupWithTheSameAnswers() {
        try (CrudStore crud = store()) {
            saveTwoUsersOfOneUrl(crud);
            crud.addSourceUrlIndex();
            crud.addSourceUrlIndex();
            String plan = crud.queryPlans().get("Q2");
            assertTrue(plan.contains("ARTICLES_BY_SOURCE_URL: SOURCE_URL = ?"), plan);
            assertEquals(List.of("ana", "chloe"), crud.usersBySourceUrl("https://go.dev/blog"));
            crud.create(create("abe", "https://go.dev/blog"));
            assertEquals(List.of("abe", "ana", "chloe"), crud.usersBySourceUrl("https://go.dev/blog"),
                    "the index follows later writes");
        }
    }

    @Test
    void closeIsIdempotentAndLaterUseFailsClearly() {
        CrudStore crud = store();
        crud.close();
        crud.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, crud::size);
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    @Test
    void appliedSnapshotsAreStoredAsGivenAndOlderVersionsChangeNothing() {
        try (CrudStore crud = store()) {
            Article v1 = new Article(7, "ana", "https://go.dev/blog", List.of("go"), List.of(Paragraph.of("One.", "a")), 50, 50, 1);
            Article v2 = new Article(7, "ana", "https://go.dev/blog", List.of("java"), List.of(Paragraph.of("Two.")), 50, 60, 2);
            assertEquals(2, crud.applySnapshots(List.of(v1, v2)));
            assertEquals(v2, crud.get(7).orElseThrow());
            assertEquals(0, crud.applySnapshots(List.of(v1, v2)), "applying the same events again is harmless");
            assertEquals(v2, crud.get(7).orElseThrow());
            assertEquals(Map.of("java", List.of(new ArticleRef(7, "https://go.dev/blog"))),
                    crud.articlesByHashtags(List.of("java"), 5));
        }
    }
}
