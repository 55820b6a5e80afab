package course.pipeline;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StageSpecTest {
    @Test
    void eachKindOfStageCarriesItsOwnWork() {
        assertInstanceOf(StageSpec.Source.class, StageSpec.source("s", List.of(1)).work());
        assertInstanceOf(StageSpec.Mapping.class, StageSpec.map("m", (Integer n) -> n).work());
        assertInstanceOf(StageSpec.Filtering.class, StageSpec.filter("f", (Integer n) -> true).work());
        assertInstanceOf(StageSpec.FlatMapping.class, StageSpec.flatMap("g", (Integer n) -> List.of(n)).work());
        assertTrue(StageSpec.source("s", List.of()).isSource());
    }

    @Test
    void theDefaultsFillOnlyWhatTheStageDidNotSet() {
        PipelineSettings settings = PipelineSettings.DEFAULTS.withCapacity(5).withBatch(3);
        StageSpec resolved = StageSpec.map("m", (Integer n) -> n).withCapacity(2).resolvedWith(settings);
        assertEquals(2, resolved.capacity());
        assertEquals(3, resolved.batch());
    }

    @Test
    void theDescriptionNamesWhatDiffersFromAPlainStage() {
        StageSpec spec = StageSpec.map("m", (Integer n) -> n).withWorkers(4).withOrdered().withCapacity(2).withBatch(3);
        assertEquals("m[x4, ordered, capacity 2, batch 3]", spec.describe(16));
        assertEquals("m[unbounded]", StageSpec.map("m", (Integer n) -> n).withCapacity(Pipeline.UNBOUNDED).withBatch(1).describe(16));
        assertEquals("m", StageSpec.map("m", (Integer n) -> n).withCapacity(16).withBatch(1).describe(16));
    }

    @Test
    void badNamesAndStepsAreRejectedWithClearMessages() {
        assertEquals("step of stage 'm'", assertThrows(NullPointerException.class, () -> StageSpec.map("m", null)).getMessage());
        assertEquals("stage name must not be blank",
                assertThrows(IllegalArgumentException.class, () -> StageSpec.filter(" ", (Integer n) -> true)).getMessage());
    }
}
