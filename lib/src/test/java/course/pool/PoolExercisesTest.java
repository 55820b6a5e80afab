package course.pool;

import course.exercises.Check;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PoolExercisesTest {
    @Test
    void unchangedStubsGetAFriendlyNotYet() {
        Check retry = PoolExercises.checkRetry((f, n) -> f);
        assertFalse(retry.passed());
        assertTrue(retry.toString().startsWith("NOT YET: "), retry.toString());
        Check timeout = PoolExercises.checkPerJobTimeout((f, d) -> f);
        assertFalse(timeout.passed());
        assertTrue(timeout.toString().startsWith("NOT YET: "), timeout.toString());
        assertFalse(PoolExercises.checkDeadlineAnswer(10).passed());
    }

    @Test
    void anAttemptThatThrowsGetsANotYetRatherThanAnError() {
        Check check = PoolExercises.checkRetry((f, n) -> {
            throw new UnsupportedOperationException("TODO");
        });
        assertFalse(check.passed());
        assertTrue(check.message().contains("TODO"));
    }

    @Test
    void aRetryThatIgnoresCancellationIsCaught() {
        Check check = PoolExercises.checkRetry((f, n) -> (ctx, a) -> {
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
        assertTrue(PoolExercises.checkDeadlineAnswer(4).passed());
    }
}
