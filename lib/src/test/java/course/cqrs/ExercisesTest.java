package course.cqrs;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExercisesTest {
    @Test
    void wrongAttemptsGetAFriendlyNotYetInsteadOfAnException() {
        Exercises.Check view = Exercises.checkUsersByUrlView(articles -> Map.of());
        assertFalse(view.passed());
        assertTrue(view.message().startsWith("NOT YET: for https://"), view.message());

        Exercises.Check order = Exercises.checkNewestFirst((articles, tag, limit) ->
                articles.stream().filter(a -> a.hashtags().contains(tag)).limit(limit).map(Article::ref).toList());
        assertFalse(order.passed(), order.message());

        Exercises.Check fold = Exercises.checkArticlesByUser(entries -> {
            throw new UnsupportedOperationException("todo");
        });
        assertTrue(fold.message().contains("UnsupportedOperationException: todo"), fold.message());
    }

    @Test
    void countingReDeliveredEntriesTwiceIsCaught() {
        Exercises.Check fold = Exercises.checkArticlesByUser(entries -> {
            Map<String, List<Long>> naive = new java.util.TreeMap<>();
            entries.forEach(e -> naive.computeIfAbsent(e.event().data().userId(), u -> new java.util.ArrayList<>())
                    .add(e.event().key()));
            return naive;
        });
        assertFalse(fold.passed());
        assertTrue(fold.message().contains("must not count twice"), fold.message());
    }

    @Test
    void aWaitThatIgnoresItsTimeoutIsCaught() {
        Exercises.Check wait = Exercises.checkVisibilityWait((app, id, tag, timeout) -> true);
        assertFalse(wait.passed());
        assertTrue(wait.message().contains("projector stopped"), wait.message());
    }
}
