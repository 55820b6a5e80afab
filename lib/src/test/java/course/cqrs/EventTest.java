package course.cqrs;

import course.data.DataFiles;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventTest {
    private static final Article ARTICLE = new Article(7, "ana", "https://go.dev/blog", List.of("go"),
            List.of(Paragraph.of("Text.", "x")), 1_000, 2_000, 2);

    @Test
    void anEventIsKeyedByItsArticleId() {
        Event e = Event.updated(ARTICLE);
        assertEquals(7, e.key());
        assertEquals(Event.ARTICLE, e.resource());
        assertEquals(Event.Action.UPDATE, e.action());
    }

    @Test
    void aKeyThatDiffersFromTheArticleIdIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Event(8, "article", Event.Action.CREATE, ARTICLE));
        assertEquals("event key 8 differs from its article's id 7", e.getMessage());
    }

    @Test
    void anEmptyKeyOrAnotherResourceIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Event(0, "article", Event.Action.CREATE, ARTICLE));
        assertThrows(IllegalArgumentException.class, () -> new Event(7, "user", Event.Action.CREATE, ARTICLE));
    }

    @Test
    void jsonHasTheFourFieldsWithLowerCaseActions() throws Exception {
        String json = DataFiles.mapper().writeValueAsString(Event.created(ARTICLE)).replaceAll("\\s", "");
        assertTrue(json.startsWith("{\"key\":7,\"resource\":\"article\",\"action\":\"create\",\"data\":{\"id\":7,"), json);
        assertEquals(Event.created(ARTICLE), DataFiles.mapper().readValue(json, Event.class));
    }
}
