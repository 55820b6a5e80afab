package course.proof;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerdictTest {
    @Test
    void aRightVersionIsAsExpectedOnlyWithoutABadOutcome() {
        assertTrue(Verdict.of("t", "JCStress", Verdict.Kind.RIGHT, false, "").asExpected());
        assertFalse(Verdict.of("t", "JCStress", Verdict.Kind.RIGHT, true, "").asExpected());
    }

    @Test
    void aBrokenVersionIsAsExpectedOnlyWhenItFails() {
        assertTrue(Verdict.of("t", "Lincheck", Verdict.Kind.BROKEN, true, "").asExpected());
        assertFalse(Verdict.of("t", "Lincheck", Verdict.Kind.BROKEN, false, "").asExpected());
    }

    @Test
    void aRaceTheHardwareMayHideIsAsExpectedEitherWay() {
        assertTrue(Verdict.of("t", "JCStress", Verdict.Kind.MAY_SHOW, true, "").asExpected());
        assertTrue(Verdict.of("t", "JCStress", Verdict.Kind.MAY_SHOW, false, "").asExpected());
    }

    @Test
    void theLineStartsWithOkOrFail() {
        assertTrue(Verdict.of("t", "JCStress", Verdict.Kind.RIGHT, true, "1 bad").toString().startsWith("FAIL "));
        assertTrue(Verdict.of("t", "JCStress", Verdict.Kind.RIGHT, false, "0 bad").toString().startsWith("ok   "));
    }
}
