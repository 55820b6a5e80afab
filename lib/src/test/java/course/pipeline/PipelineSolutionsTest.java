package course.pipeline;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelineSolutionsTest {
    @Test
    void everySolutionPassesItsCheck() {
        assertTrue(PipelineExercises.checkDedupe(PipelineSolutions.dedupe()).passed());
        assertTrue(PipelineExercises.checkTimeout(PipelineSolutions::withTimeout).passed());
        assertTrue(PipelineExercises.checkThreadCount(PipelineSolutions.THREAD_COUNT).passed());
    }

    @Test
    void theTimeoutWrapperPassesFastResultsThrough() throws Exception {
        assertEquals(42, PipelineSolutions.<Integer, Integer>withTimeout(n -> n * 2, Duration.ofSeconds(5)).apply(21));
        assertEquals(List.of(1, 2), Pipeline.range(1, 2).map("x", PipelineSolutions.<Integer, Integer>withTimeout(n -> n, Duration.ofSeconds(5))).toList());
    }
}
