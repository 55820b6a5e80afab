package course.pipeline;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SolutionsTest {
    @Test
    void everySolutionPassesItsCheck() {
        assertTrue(Exercises.checkDedupe(Solutions.dedupe()).passed());
        assertTrue(Exercises.checkTimeout(Solutions::withTimeout).passed());
        assertTrue(Exercises.checkThreadCount(Solutions.THREAD_COUNT).passed());
    }

    @Test
    void theTimeoutWrapperPassesFastResultsThrough() throws Exception {
        assertEquals(42, Solutions.<Integer, Integer>withTimeout(n -> n * 2, Duration.ofSeconds(5)).apply(21));
        assertEquals(List.of(1, 2), Pipeline.range(1, 2).map("x", Solutions.<Integer, Integer>withTimeout(n -> n, Duration.ofSeconds(5))).toList());
    }
}
