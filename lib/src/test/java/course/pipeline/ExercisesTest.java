package course.pipeline;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExercisesTest {
    @Test
    void theDedupeCheckRejectsAFilterThatLetsEverythingThrough() {
        assertFalse(Exercises.checkDedupe(id -> true));
        assertFalse(Exercises.checkDedupe(id -> false));
    }

    @Test
    void theDedupeCheckReportsAThrowingAttemptWithoutThrowing() {
        assertFalse(Exercises.checkDedupe(id -> {
            throw new IllegalStateException("not written yet");
        }));
    }

    @Test
    void theTimeoutCheckRejectsAWrapperThatDoesNothing() {
        assertFalse(Exercises.checkTimeout((step, limit) -> step));
    }

    @Test
    void theThreadCountCheckRejectsAWrongCount() {
        assertFalse(Exercises.checkThreadCount(7));
    }
}
