package course.proof;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProofExercisesTest {
    private static LincheckReport failed(String interleaving) {
        return new LincheckReport("check-then-act-semaphore", false, Duration.ZERO,
                "= Invalid execution results =\nThe following interleaving leads to the error:\n" + interleaving);
    }

    @Test
    void gradesPassOnlyWithTheReorderingInteresting() {
        assertTrue(ProofExercises.checkGrades(o -> o.equals("1, 0") ? "interesting" : "acceptable").passed());
        assertFalse(ProofExercises.checkGrades(o -> "acceptable").passed());
        assertFalse(ProofExercises.checkGrades(o -> "maybe").passed());
    }

    @Test
    void inUseAfterTheRaceIsTheTracesLastWrite() {
        LincheckReport report = failed("| inUse ➜ 0 |\n| inUse = 1 |\n| inUse ➜ 1 |\n| inUse = 2 |");
        assertTrue(ProofExercises.checkInUseAfterRace(report, 2).passed());
        assertFalse(ProofExercises.checkInUseAfterRace(report, 1).passed());
        assertTrue(ProofExercises.checkInUseAfterRace(failed("| inUse = 1 |\n| inUse = 1 |"), 1).passed());
    }

    @Test
    void aReportWithoutWritesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ProofExercises.checkInUseAfterRace(failed(""), 2));
    }

    @Test
    void toolsPassOnlyWithEveryClaimRight() {
        assertTrue(ProofExercises.checkTools(c -> switch (c) {
            case 2 -> "Lincheck";
            case 3 -> "neither";
            default -> "JCStress";
        }).passed());
        assertFalse(ProofExercises.checkTools(c -> "Lincheck").passed());
        assertFalse(ProofExercises.checkTools(c -> "JMH").passed());
    }
}
