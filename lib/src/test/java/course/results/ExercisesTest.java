package course.results;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chapter's checks pass the solutions and fail wrong answers with a reason. */
class ExercisesTest {
    @Test
    void theSolutionsPass() {
        assertTrue(Exercises.checkEventsPerSecond(Solutions::eventsPerSecond).startsWith("PASS"));
        assertTrue(Exercises.checkRatioWithError(Solutions::ratioWithError).startsWith("PASS"));
        assertTrue(Exercises.checkPitfalls(Solutions.PITFALLS).startsWith("PASS"));
    }

    @Test
    void wrongAnswersFailWithAReason() {
        String events = Exercises.checkEventsPerSecond(r -> r.score());
        assertTrue(events.startsWith("FAIL") && events.contains("events/s"), events);
        String ratio = Exercises.checkRatioWithError((a, b) -> new double[]{a.score() / b.score(), 0});
        assertTrue(ratio.startsWith("FAIL") && ratio.contains("sqrt"), ratio);
        String pitfalls = Exercises.checkPitfalls(n -> "warm-up");
        assertTrue(pitfalls.startsWith("FAIL: 1 of 4"), pitfalls);
    }
}
