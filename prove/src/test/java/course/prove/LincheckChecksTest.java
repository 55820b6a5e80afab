package course.prove;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The quick Lincheck check only: the broken semaphore fails at its first bad interleaving. The
 * checks that pass must search every scenario, which takes longer; make prove and chapter 8 run them.
 */
class LincheckChecksTest {
    @Test
    void lincheckFindsTheCheckThenActGapAndPrintsTheInterleaving() {
        Optional<String> failure = LincheckChecks.run("check-then-act-semaphore", 3, 1_000);
        assertTrue(failure.isPresent(), "Lincheck passed a semaphore with a check-then-act gap");
        assertTrue(failure.get().contains("The following interleaving leads to the error"), failure.get());
    }

    @Test
    void anUnknownCheckIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LincheckChecks.run("no-such-check", 1, 1));
        assertThrows(IllegalArgumentException.class, () -> LincheckChecks.run("channel", 0, 1));
    }
}
