package course.cqrs;

import course.exercises.Check;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class SolutionsTest {
    @Test
    void everySolutionPassesItsCheck() {
        Check[] checks = {
            Exercises.checkUsersByUrlView(Solutions::usersByUrlView),
            Exercises.checkNewestFirst(Solutions::newestFirst),
            Exercises.checkArticlesByUser(Solutions::articlesByUser),
            Exercises.checkVisibilityWait(Solutions::awaitVisible),
        };
        for (Check c : checks) {
            assertTrue(c.passed(), c.message());
        }
    }
}
