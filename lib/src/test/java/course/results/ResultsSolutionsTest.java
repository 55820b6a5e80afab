package course.results;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The model answers still pass the chapter's checks. */
class ResultsSolutionsTest {
    @Test
    void theSolutionsPass() {
        assertTrue(ResultsExercises.checkEventsPerSecond(ResultsSolutions::eventsPerSecond).passed());
        assertTrue(ResultsExercises.checkRatioWithError(ResultsSolutions::ratioWithError).passed());
        assertTrue(ResultsExercises.checkPitfalls(ResultsSolutions.PITFALLS).passed());
        assertTrue(ResultsExercises.checkCompare(ResultsSolutions::compare).passed());
    }
}
