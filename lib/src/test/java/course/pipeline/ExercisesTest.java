package course.pipeline;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExercisesTest {
    @Test
    void theDedupeCheckRejectsAFilterThatLetsEverythingThrough() {
        assertFalse(Exercises.checkDedupe(id -> true).passed());
        assertFalse(Exercises.checkDedupe(id -> false).passed());
    }

    @Test
    void theDedupeCheckReportsAThrowingAttemptWithoutThrowing() {
        assertFalse(Exercises.checkDedupe(id -> {
            throw new IllegalStateException("not written yet");
        }).passed());
    }

    @Test
    void theTimeoutCheckRejectsAWrapperThatDoesNothing() {
        assertFalse(Exercises.checkTimeout((step, limit) -> step).passed());
    }

    @Test
    void aVerdictReadsPassOrNotYet() {
        assertTrue(Exercises.checkThreadCount(7).toString().startsWith("NOT YET thread count: "));
        assertTrue(Exercises.checkThreadCount(6).toString().startsWith("PASS thread count: "));
    }

    @Test
    void theThreadCountCheckRejectsAWrongCount() {
        assertFalse(Exercises.checkThreadCount(7).passed());
    }
}
