package course.cqrs;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CreateArticleTest {
    @Test
    void aValidCommandHasNoProblemsAndIsNormalised() {
        CreateArticle c = new CreateArticle("ana", "https://go.dev/blog", List.of("#Go", "go", " Java "),
                List.of(Paragraph.of("Text.", "#Channels")));
        assertEquals(List.of(), c.problems());
        CreateArticle v = c.validated();
        assertEquals(List.of("go", "java"), v.hashtags());
        assertEquals(List.of("channels"), v.paragraphs().getFirst().hashtags());
    }

    @Test
    void everyProblemIsReportedAtOnceWithAClearMessage() {
        CreateArticle c = new CreateArticle(" ", "ftp://example.com/x", List.of("ok", "not ok"),
                List.of(new Paragraph("", List.of())));
        InvalidCommandException e = assertThrows(InvalidCommandException.class, c::validated);
        assertEquals("create", e.command());
        assertEquals(4, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("user id is blank"), e.getMessage());
        assertTrue(e.getMessage().contains("http:// or https://"), e.getMessage());
        assertTrue(e.getMessage().contains("global hashtag 2 ('not ok')"), e.getMessage());
        assertTrue(e.getMessage().contains("paragraph 1 has no text"), e.getMessage());
    }

    @Test
    void missingPartsAreNamedNotThrownAsNullPointers() {
        CreateArticle c = new CreateArticle(null, null, null, null);
        List<String> problems = c.problems();
        assertEquals(List.of("user id is missing", "source URL is missing",
                "global hashtags are missing (use an empty list for none)",
                "paragraphs are missing (use an empty list for none)"), problems);
    }

    @Test
    void nullElementsAreReportedByPosition() {
        CreateArticle c = new CreateArticle("ana", "https://x.org", Arrays.asList("a", null), Arrays.asList((Paragraph) null));
        assertEquals(List.of("global hashtag 2 is null", "paragraph 1 is null"), c.problems());
    }

    @Test
    void limitsOnSizesAreEnforced() {
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            tags.add("t" + i);
        }
        CreateArticle c = new CreateArticle("x".repeat(65), "https://host/" + "p".repeat(2050), tags, List.of());
        List<String> problems = c.problems();
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("user id must be 1 to 64"), problems.get(0));
        assertTrue(problems.get(1).contains("longer than 2048"), problems.get(1));
        assertTrue(problems.get(2).contains("at most 20 global hashtags"), problems.get(2));
    }

    @Test
    void aUrlWithoutHostIsRejected() {
        assertEquals(List.of("source URL has no host: 'https:///path'"),
                new CreateArticle("ana", "https:///path", List.of(), List.of()).problems());
    }

    @Test
    void laterChangesToTheCallersListsDoNotLeakIn() {
        List<String> tags = new ArrayList<>(List.of("a"));
        CreateArticle c = new CreateArticle("ana", "https://x.org", tags, List.of());
        tags.add("b");
        assertEquals(List.of("a"), c.hashtags());
    }
}
