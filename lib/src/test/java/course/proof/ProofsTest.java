package course.proof;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProofsTest {
    @Test
    void throttledPassesFailuresAtOnceAndProgressAtMostEveryFewSeconds() {
        List<String> shown = new ArrayList<>();
        var progress = Proofs.throttled(shown::add);
        progress.accept("(Results: 8 planned; 1 passed, 0 failed, 0 soft errs, 0 hard errs)");
        progress.accept("(Results: 8 planned; 2 passed, 0 failed, 0 soft errs, 0 hard errs)");
        progress.accept(".......... [FAILED] course.prove.X");
        progress.accept("  RESULT  SAMPLES");
        assertEquals(List.of("Results: 8 planned; 1 passed, 0 failed, 0 soft errs, 0 hard errs",
                ".......... [FAILED] course.prove.X"), shown);
    }

    @Test
    void verdictsJudgeEachTestByItsKind() {
        JcstressReport report = JcstressReport.parse(JcstressReportTest.OUTPUT, Duration.ZERO);
        List<LincheckReport> checks = List.of(
                new LincheckReport("token-semaphore", true, Duration.ZERO, ""),
                new LincheckReport("check-then-act-semaphore", true, Duration.ZERO, ""));
        List<Verdict> verdicts = Proofs.verdicts(report, checks);
        assertEquals(4, verdicts.size());
        assertTrue(verdicts.get(0).asExpected(), verdicts.get(0).toString());     // the wrong client missed results
        assertFalse(verdicts.get(1).asExpected(), verdicts.get(1).toString());    // the volatile flag showed 1, 0
        assertTrue(verdicts.get(2).asExpected(), verdicts.get(2).toString());
        assertFalse(verdicts.get(3).asExpected(), verdicts.get(3).toString());    // the broken semaphore passed
    }

    @Test
    void anUnknownCheckIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Proofs.lincheck(List.of("no-such-check"), 1, line -> { }));
        assertThrows(IllegalArgumentException.class, () -> Proofs.lincheck(List.of("channel"), 0, line -> { }));
    }
}
