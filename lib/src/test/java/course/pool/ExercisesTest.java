package course.pool;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExercisesTest {
    @Test
    void unchangedStubsGetAFriendlyNotYet() {
        Exercises.Check retry = Exercises.checkRetry((f, n) -> f);
        assertFalse(retry.passed());
        assertTrue(retry.toString().startsWith("NOT YET: "), retry.toString());
        Exercises.Check timeout = Exercises.checkPerJobTimeout((f, d) -> f);
        assertFalse(timeout.passed());
        assertTrue(timeout.toString().startsWith("NOT YET: "), timeout.toString());
        assertFalse(Exercises.checkDeadlineAnswer(10).passed());
    }

    @Test
    void anAttemptThatThrowsGetsANotYetRatherThanAnError() {
        Exercises.Check check = Exercises.checkRetry((f, n) -> {
            throw new UnsupportedOperationException("TODO");
        });
        assertFalse(check.passed());
        assertTrue(check.message().contains("TODO"));
    }

    @Test
    void aRetryThatIgnoresCancellationIsCaught() {
        Exercises.Check check = Exercises.checkRetry((f, n) -> (ctx, a) -> {
            Exception last = null;
            for (int i = 0; i < n; i++) {
                try {
                    return f.apply(ctx, a);
                } catch (Exception e) {
                    last = e;
                }
            }
            throw last;
        });
        assertFalse(check.passed());
        assertTrue(check.message().contains("cancel"), check.message());
    }

    @Test
    void theRightPredictionPasses() {
        assertTrue(Exercises.checkDeadlineAnswer(4).passed());
    }
}
