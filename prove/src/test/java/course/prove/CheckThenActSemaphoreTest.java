package course.prove;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One thread only: alone it behaves; its race is Lincheck's (LincheckChecksTest). */
class CheckThenActSemaphoreTest {
    @Test
    void aloneItGivesOutNoMoreSlotsThanItHas() {
        CheckThenActSemaphore s = new CheckThenActSemaphore(1);
        assertTrue(s.tryAcquire());
        assertFalse(s.tryAcquire());
        s.release();
        assertEquals(0, s.inUse());
    }

    @Test
    void aReleaseWithoutAcquireIsRefused() {
        assertThrows(IllegalStateException.class, () -> new CheckThenActSemaphore(1).release());
    }

    @Test
    void aSemaphoreWithoutSlotsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CheckThenActSemaphore(0));
    }
}
