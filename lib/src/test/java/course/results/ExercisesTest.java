package course.results;

import course.exercises.Check;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chapter's checks pass the solutions and say "not yet", with a reason, to wrong answers. */
class ExercisesTest {
    @Test
    void theSolutionsPass() {
        assertTrue(Exercises.checkEventsPerSecond(Solutions::eventsPerSecond).passed());
        assertTrue(Exercises.checkRatioWithError(Solutions::ratioWithError).passed());
        assertTrue(Exercises.checkPitfalls(Solutions.PITFALLS).passed());
        assertTrue(Exercises.checkCompare(Solutions::compare).passed());
    }

    @Test
    void wrongAnswersAreNotYetWithAReason() {
        Check events = Exercises.checkEventsPerSecond(r -> r.score());
        assertTrue(!events.passed() && events.message().startsWith("NOT YET") && events.message().contains("events/s"),
                events.message());
        Check ratio = Exercises.checkRatioWithError((a, b) -> new double[]{a.score() / b.score(), 0});
        assertTrue(!ratio.passed() && ratio.message().contains("sqrt"), ratio.message());
        Check pitfalls = Exercises.checkPitfalls(n -> "warm-up");
        assertTrue(pitfalls.message().startsWith("NOT YET: 1 of 4"), pitfalls.message());
    }

    @Test
    void compareByScoresAloneIsNotYet() {
        Check byScore = Exercises.checkCompare((a, b) -> a.score() < b.score() ? "cheaper" : "dearer");
        assertFalse(byScore.passed());
        assertTrue(byScore.message().contains("within error"), byScore.message());
    }

    @Test
    void theChecksSolutionAgreesWithComparison() {
        assertTrue(Exercises.checkCompare((a, b) -> switch (Comparison.of("a", a, "b", b).outcome()) {
            case CHEAPER -> "cheaper";
            case DEARER -> "dearer";
            case WITHIN_ERROR -> "within error";
        }).passed());
    }
}
