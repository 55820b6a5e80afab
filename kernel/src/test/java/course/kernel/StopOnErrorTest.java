package course.kernel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The signal from a failed stop_on_error cell to the shell channel is taken once. */
class StopOnErrorTest {
    @Test
    void nothingIsAbortedBeforeACellFailed() {
        assertFalse(new StopOnError().take());
    }

    @Test
    void aTripIsTakenOnceThenTheChannelGoesBackToNormal() {
        StopOnError stopOnError = new StopOnError();
        stopOnError.trip();
        assertTrue(stopOnError.take());
        assertFalse(stopOnError.take());
    }

    @Test
    void twoFailuresBeforeTheChannelLooksAreOneAbort() {
        StopOnError stopOnError = new StopOnError();
        stopOnError.trip();
        stopOnError.trip();
        assertTrue(stopOnError.take());
        assertFalse(stopOnError.take());
    }
}
