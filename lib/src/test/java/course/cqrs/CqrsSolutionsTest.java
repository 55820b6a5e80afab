package course.cqrs;

import course.exercises.Check;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class CqrsSolutionsTest {
    @Test
    void everySolutionPassesItsCheck() {
        Check[] checks = {
            CqrsExercises.checkUsersByUrlView(CqrsSolutions::usersByUrlView),
            CqrsExercises.checkNewestFirst(CqrsSolutions::newestFirst),
            CqrsExercises.checkArticlesByUser(CqrsSolutions::articlesByUser),
            CqrsExercises.checkVisibilityWait(CqrsSolutions::awaitVisible),
        };
        for (Check c : checks) {
            assertTrue(c.passed(), c.message());
        }
    }
}
