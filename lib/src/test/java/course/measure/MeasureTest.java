package course.measure;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MeasureTest {
    @Test
    void everyRunIsTimedAndChecked() {
        AtomicInteger runs = new AtomicInteger();
        Measure.Timing timing = Measure.time(5, runs::incrementAndGet, n -> n > 0);
        assertEquals(5, runs.get());
        assertEquals(5, timing.runs());
        assertTrue(timing.min() <= timing.median() && timing.median() <= timing.max());
    }

    @Test
    void theMedianOfAnEvenCountIsTheMiddlePairsMean() {
        assertEquals(2.5, new Measure.Timing(new double[]{4, 1, 3, 2}).median());
    }

    @Test
    void anInvalidResultFailsTheMeasurement() {
        var e = assertThrows(Measure.InvalidResultException.class, () -> Measure.time(3, () -> "wrong", "right"::equals));
        assertTrue(e.getMessage().contains("wrong"), e.getMessage());
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Measure.time(0, () -> 1, x -> true));
        assertThrows(IllegalArgumentException.class, () -> new Measure.Timing(new double[0]));
    }

    @Test
    void aFailingTaskIsReportedWithItsRun() {
        var e = assertThrows(IllegalStateException.class, () -> Measure.once(() -> { throw new java.io.IOException("disk"); }, x -> true));
        assertTrue(e.getMessage().contains("run 1"), e.getMessage());
    }
}
