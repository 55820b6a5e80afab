package course.exercises;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckTest {
    @Test
    void passSaysPassAndPasses() {
        Check check = Check.pass("all good");
        assertTrue(check.passed());
        assertEquals("PASS: all good", check.message());
        assertEquals("PASS: all good", check.toString());
    }

    @Test
    void notYetSaysNotYetAndFails() {
        Check check = Check.notYet("one more try");
        assertFalse(check.passed());
        assertEquals("NOT YET: one more try", check.toString());
    }

    @Test
    void aMissingMessageIsRefused() {
        assertThrows(NullPointerException.class, () -> new Check(true, null));
    }
}
