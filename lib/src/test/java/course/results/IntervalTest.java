package course.results;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 99.9% interval of a mean, as JMH computes a score's error. */
class IntervalTest {
    @Test
    void theHalfWidthIsTTimesTheStandardDeviationOverRootN() {
        assertEquals(11.0, Interval.mean(List.of(10.0, 12.0, 11.0)), 1e-12);
        assertEquals(31.599 * 1.0 / Math.sqrt(3), Interval.halfWidth(List.of(10.0, 12.0, 11.0)), 1e-9);
    }

    @Test
    void fewerThanTwoValuesHaveNoHalfWidth() {
        assertTrue(Double.isNaN(Interval.halfWidth(List.of(1.0))));
        assertTrue(Double.isNaN(Interval.mean(List.of())));
    }

    @Test
    void tFallsTowardsTheNormalQuantileAndJoinsTheTableSmoothly() {
        assertEquals(4.781, Interval.t(9), 1e-9, "the full profile's 10 iterations");
        assertEquals(3.633, Interval.t(31), 0.005, "the expansion just past the table");
        assertTrue(Interval.t(30) > Interval.t(31) && Interval.t(31) > Interval.t(1000) && Interval.t(1000) > 3.29);
        assertThrows(IllegalArgumentException.class, () -> Interval.t(0));
    }
}
