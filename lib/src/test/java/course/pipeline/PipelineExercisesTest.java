package course.pipeline;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelineExercisesTest {
    @Test
    void theDedupeCheckRejectsAFilterThatLetsEverythingThrough() {
        assertFalse(PipelineExercises.checkDedupe(id -> true).passed());
        assertFalse(PipelineExercises.checkDedupe(id -> false).passed());
    }

    @Test
    void theDedupeCheckReportsAThrowingAttemptWithoutThrowing() {
        assertFalse(PipelineExercises.checkDedupe(id -> {
            throw new IllegalStateException("not written yet");
        }).passed());
    }

    @Test
    void theTimeoutCheckRejectsAWrapperThatDoesNothing() {
        assertFalse(PipelineExercises.checkTimeout((step, limit) -> step).passed());
    }

    @Test
    void aVerdictReadsPassOrNotYet() {
        assertTrue(PipelineExercises.checkThreadCount(7).toString().startsWith("NOT YET: thread count: "));
        assertTrue(PipelineExercises.checkThreadCount(6).toString().startsWith("PASS: thread count: "));
    }

    @Test
    void theThreadCountCheckRejectsAWrongCount() {
        assertFalse(PipelineExercises.checkThreadCount(7).passed());
    }
}
