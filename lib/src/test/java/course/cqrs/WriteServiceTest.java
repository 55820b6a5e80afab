package course.cqrs;

import org.junit.jupiter.api.Test;

import java.util.List;

import static course.cqrs.TestData.create;
import static course.cqrs.TestData.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WriteServiceTest {
    @Test
    void everyCreatePublishesOneCreateEventWithTheArticle() {
        EventLog log = new EventLog();
        try (WriteService writes = new WriteService(log)) {
            long id = writes.create(create("ana", "https://go.dev/blog", "go"));
            assertEquals(1, log.size());
            LogEntry entry = log.entries().getFirst();
            assertEquals("articles", entry.topic());
            assertEquals(Event.created(writes.get(id).orElseThrow()), entry.event());
        }
    }

    @Test
    void aRepeatedCreateReturnsTheSameIdAndPublishesNothing() {
        EventLog log = new EventLog();
        try (WriteService writes = new WriteService(log)) {
            long id = writes.create(create("ana", "https://go.dev/blog", "go"));
            assertEquals(id, writes.create(create("ana", "https://go.dev/blog", "java")));
            assertEquals(1, log.size());
        }
    }

    @Test
    void anUpdateEventCarriesTheRealIdUserAndUrl() {
        EventLog log = new EventLog();
        try (WriteService writes = new WriteService(log)) {
            long id = writes.create(create("ana", "https://go.dev/blog", "go"));
            writes.update(update(id, "streaming"));
            Event e = log.entries().getLast().event();
            assertEquals(Event.Action.UPDATE, e.action());
            assertEquals(id, e.key());
            assertEquals(id, e.data().id());
            assertEquals("ana", e.data().userId());
            assertEquals("https://go.dev/blog", e.data().sourceUrl());
            assertEquals(List.of("streaming"), e.data().hashtags());
        }
    }

    @Test
    void rejectedCommandsPublishNothing() {
        EventLog log = new EventLog();
        try (WriteService writes = new WriteService(log)) {
            assertThrows(InvalidCommandException.class, () -> writes.create(create("ana", "not a url")));
            assertThrows(UnknownArticleException.class, () -> writes.update(update(99, "x")));
            assertEquals(0, log.size());
        }
    }

    @Test
    void createAllPublishesOnlyTheNewArticlesInOrder() {
        EventLog log = new EventLog();
        try (WriteService writes = new WriteService(log)) {
            writes.create(create("ana", "https://1.org"));
            List<Long> ids = writes.createAll(List.of(create("ana", "https://1.org"), create("ben", "https://1.org"),
                    create("chloe", "https://2.org")));
            assertEquals(3, log.size());
            assertEquals(List.of(ids.get(0), ids.get(1), ids.get(2)),
                    log.entries().stream().map(e -> e.event().key()).toList());
        }
    }
}
