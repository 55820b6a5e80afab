package course.proof;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LincheckReportTest {
    static final List<String> OUTPUT = List.of(
            "lincheck verdict: token-semaphore passed 6178 ms",
            "lincheck verdict: check-then-act-semaphore failed 407 ms",
            "= Invalid execution results =",
            "| tryAcquire(): true | tryAcquire(): true |",
            "",
            "The following interleaving leads to the error:",
            "|                    |     inUse ➜ 0                  |",
            "|                    |     switch                     |",
            "|                    |     inUse = 2                  |",
            "",
            "Detailed trace:",
            "|   inUse ➜ 0 at CheckThenActSemaphore.tryAcquire(CheckThenActSemaphore.java:34) |",
            LincheckReport.END);

    @Test
    void aPassedCheckHasItsSearchTimeAndNoReport() {
        LincheckReport r = LincheckReport.parse("token-semaphore", OUTPUT);
        assertTrue(r.passed());
        assertEquals(6178, r.search().toMillis());
        assertEquals("", r.report());
        assertEquals("", r.interleaving());
    }

    @Test
    void aFailedCheckSplitsItsReportIntoResultsInterleavingAndTrace() {
        LincheckReport r = LincheckReport.parse("check-then-act-semaphore", OUTPUT);
        assertFalse(r.passed());
        assertTrue(r.results().startsWith("= Invalid execution results ="), r.results());
        assertTrue(r.interleaving().contains("switch") && !r.interleaving().contains("Detailed"), r.interleaving());
        assertTrue(r.detailedTrace().contains("CheckThenActSemaphore.java:34"), r.detailedTrace());
    }

    @Test
    void aCheckWithoutAVerdictIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LincheckReport.parse("channel", OUTPUT));
    }
}
