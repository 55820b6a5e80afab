package course.structured;

import course.testing.Delays;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PinningProbeTest {
    private static final Duration NAP = Delays.shorts(2);

    @Test
    void aNapInsideSynchronizedDoesNotPin() throws InterruptedException {
        var report = PinningProbe.run(PinningProbe.Scenario.SYNCHRONIZED, 4, NAP);
        assertEquals(4, report.naps().size());
        assertEquals(0, report.pinnedEvents().size(), report.pinnedEvents().toString());
    }

    @Test
    void aNapUnderANativeFramePinsAndJfrRecordsIt() throws InterruptedException {
        var report = PinningProbe.run(PinningProbe.Scenario.NATIVE_FRAME, 3, NAP);
        assertEquals(3, report.naps().size());
        assertFalse(report.pinnedEvents().isEmpty(), "no jdk.VirtualThreadPinned event was recorded");
        assertTrue(report.pinnedEvents().stream().allMatch(p -> p.thread().startsWith(PinningProbe.THREAD_PREFIX)));
    }

    @Test
    void napsInProgressStartsAndEndsAtZero() throws InterruptedException {
        var curve = PinningProbe.run(PinningProbe.Scenario.SYNCHRONIZED, 3, NAP).napsInProgress();
        assertEquals(7, curve[0].length);
        assertEquals(0, curve[1][0]);
        assertEquals(0, curve[1][curve[1].length - 1]);
    }

    @Test
    void argumentsAreCheckedAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> PinningProbe.run(PinningProbe.Scenario.SYNCHRONIZED, 0, NAP));
        assertThrows(IllegalArgumentException.class, () -> PinningProbe.run(PinningProbe.Scenario.SYNCHRONIZED, 1, Duration.ZERO));
        assertThrows(NullPointerException.class, () -> PinningProbe.run(null, 1, NAP));
    }
}
