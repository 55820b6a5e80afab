package course.pool;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimelineTest {
    static final JobDescriptor A = new JobDescriptor("a", "t");
    static final JobDescriptor B = new JobDescriptor("b", "t");

    @Test
    void spansComeBackSortedByStartRelativeToTheOrigin() {
        Timeline t = new Timeline(2);
        long o = t.origin();
        t.record(1, B, o + 5_000_000, o + 9_000_000, false);
        t.record(0, A, o + 1_000_000, o + 4_000_000, true);
        List<Timeline.Span> spans = t.spans();
        assertEquals(List.of("a", "b"), spans.stream().map(s -> s.job().id()).toList());
        assertEquals(1.0, spans.getFirst().startMillis(), 1e-9);
        assertEquals(Duration.ofMillis(3), spans.getFirst().duration());
        assertTrue(spans.get(1).toString().contains("failed"));
    }

    @Test
    void makespanRunsFromTheFirstStartToTheLastEnd() {
        Timeline t = new Timeline(2);
        assertEquals(Duration.ZERO, t.makespan());
        long o = t.origin();
        t.record(0, A, o + 2_000_000, o + 10_000_000, true);
        t.record(1, B, o + 3_000_000, o + 6_000_000, true);
        assertEquals(Duration.ofMillis(8), t.makespan());
    }

    @Test
    void jobsPerWorkerCountsEachWorkersSpans() {
        Timeline t = new Timeline(3);
        long o = t.origin();
        t.record(0, A, o, o + 1, true);
        t.record(0, B, o + 1, o + 2, true);
        t.record(2, A, o, o + 1, true);
        assertArrayEquals(new int[]{2, 0, 1}, t.jobsPerWorker());
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Timeline(0));
        Timeline t = new Timeline(2);
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> t.record(2, A, 0, 1, true));
        assertTrue(range.getMessage().contains("out of range"));
        assertThrows(IllegalArgumentException.class, () -> t.record(-1, A, 0, 1, true));
        IllegalArgumentException backwards = assertThrows(IllegalArgumentException.class,
                () -> t.record(0, A, 10, 5, true));
        assertTrue(backwards.getMessage().contains("before it starts"));
        assertThrows(NullPointerException.class, () -> t.record(0, null, 0, 1, true));
    }
}
