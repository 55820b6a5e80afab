package course.cqrs;

import course.exercises.Check;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CqrsExercisesTest {
    @Test
    void wrongAttemptsGetAFriendlyNotYetInsteadOfAnException() {
        Check view = CqrsExercises.checkUsersByUrlView(articles -> Map.of());
        assertFalse(view.passed());
        assertTrue(view.message().startsWith("NOT YET: for https://"), view.message());

        Check order = CqrsExercises.checkNewestFirst((articles, tag, limit) ->
                articles.stream().filter(a -> a.hashtags().contains(tag)).limit(limit).map(Article::ref).toList());
        assertFalse(order.passed(), order.message());

        Check fold = CqrsExercises.checkArticlesByUser(entries -> {
            throw new UnsupportedOperationException("todo");
        });
        assertTrue(fold.message().contains("UnsupportedOperationException: todo"), fold.message());
    }

    @Test
    void countingReDeliveredEntriesTwiceIsCaught() {
        Check fold = CqrsExercises.checkArticlesByUser(entries -> {
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
        Check wait = CqrsExercises.checkVisibilityWait((app, id, tag, timeout) -> true);
        assertFalse(wait.passed());
        assertTrue(wait.message().contains("projector stopped"), wait.message());
    }
}
