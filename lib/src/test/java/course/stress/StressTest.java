package course.stress;

import course.testing.Delays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the {@link Stress} suite: its short version (a few seconds) with the unit tests, the long
 * one with {@code make stress} ({@code -Dstress.seconds=...}). The seed is printed first; a
 * failure lists each violation with the property that replays its run.
 */
class StressTest {
    /** The suite bounds its own length; the default timeout would cut the long version short. */
    @Test
    @Timeout(value = 1, unit = TimeUnit.DAYS)
    void randomizedRunsOfEveryPatternLoseNothingEndAndLeaveNoThread() {
        Duration length = Stress.length();
        long seed = Stress.seed();
        Stress.Report report = assertTimeoutPreemptively(length.plus(Delays.LONG.multipliedBy(6)),
                () -> Stress.run(length, seed, System.getProperty(Stress.REPLAY), System.out),
                () -> "the stress suite (seed " + seed + ") outran its own length: a run hangs");
        assertTrue(report.runs() > 0, "no run in " + length);
        assertEquals(0, report.violations(), () -> String.join("\n", report.listed()) + "\n" + report.text());
    }
}
