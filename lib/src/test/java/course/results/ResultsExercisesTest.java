package course.results;

import course.exercises.Check;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chapter's checks say "not yet", with a reason, to wrong answers. */
class ResultsExercisesTest {
    @Test
    void wrongAnswersAreNotYetWithAReason() {
        Check events = ResultsExercises.checkEventsPerSecond(r -> r.score());
        assertTrue(!events.passed() && events.message().startsWith("NOT YET") && events.message().contains("events/s"),
                events.message());
        Check ratio = ResultsExercises.checkRatioWithError((a, b) -> new double[]{a.score() / b.score(), 0});
        assertTrue(!ratio.passed() && ratio.message().contains("sqrt"), ratio.message());
        Check pitfalls = ResultsExercises.checkPitfalls(n -> "warm-up");
        assertTrue(pitfalls.message().startsWith("NOT YET: 1 of 4"), pitfalls.message());
    }

    @Test
    void compareByScoresAloneIsNotYet() {
        Check byScore = ResultsExercises.checkCompare((a, b) -> a.score() < b.score() ? "cheaper" : "dearer");
        assertFalse(byScore.passed());
        assertTrue(byScore.message().contains("within error"), byScore.message());
    }

    @Test
    void theChecksSolutionAgreesWithComparison() {
        assertTrue(ResultsExercises.checkCompare((a, b) -> switch (Comparison.of("a", a, "b", b).outcome()) {
            case CHEAPER -> "cheaper";
            case DEARER -> "dearer";
            case WITHIN_ERROR -> "within error";
        }).passed());
    }
}
