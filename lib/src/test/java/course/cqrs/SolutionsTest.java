package course.cqrs;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class SolutionsTest {
    @Test
    void everySolutionPassesItsCheck() {
        Exercises.Check[] checks = {
            Exercises.checkUsersByUrlView(Solutions::usersByUrlView),
            Exercises.checkNewestFirst(Solutions::newestFirst),
            Exercises.checkArticlesByUser(Solutions::articlesByUser),
            Exercises.checkVisibilityWait(Solutions::awaitVisible),
        };
        for (Exercises.Check c : checks) {
            assertTrue(c.passed(), c.message());
        }
    }
}
