package course.cqrs;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpdateArticleTest {
    @Test
    void aValidUpdateIsNormalised() {
        UpdateArticle u = new UpdateArticle(3, List.of("#Kafka", "kafka"), List.of()).validated();
        assertEquals(3, u.articleId());
        assertEquals(List.of("kafka"), u.hashtags());
    }

    @Test
    void aNonPositiveIdAndBadTagsAreReportedTogether() {
        InvalidCommandException e = assertThrows(InvalidCommandException.class,
                () -> new UpdateArticle(0, List.of("#"), List.of()).validated());
        assertEquals("update", e.command());
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).contains("article id must be positive, got 0"), e.getMessage());
        assertTrue(e.problems().get(1).contains("global hashtag 1 ('#')"), e.getMessage());
    }
}
