package course.pipeline;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchPerStageTest {
    @Test
    void eachStageProcessesTheWholeListBeforeTheNextBegins() {
        StringBuilder trace = new StringBuilder();
        BatchPerStage<Integer> done = BatchPerStage.from(List.of(1, 2, 3))
                .map("a", n -> {
                    trace.append('a').append(n);
                    return n;
                })
                .map("b", n -> {
                    trace.append('b').append(n);
                    return n;
                });
        assertEquals("a1a2a3b1b2b3", trace.toString());
        assertEquals(List.of(1, 2, 3), done.toList());
    }

    @Test
    void theResultsMatchTheStreamingPipeline() {
        List<Integer> ids = UserProfiles.ids(300);
        List<String> batch = BatchPerStage.from(ids).filter("odd", n -> n % 2 == 1)
                .flatMap("pair", n -> List.of(n, -n)).map("text", n -> "#" + n).toList();
        List<String> streaming = Pipeline.from(ids).filter("odd", n -> n % 2 == 1)
                .flatMap("pair", n -> List.of(n, -n)).map("text", n -> "#" + n).toList();
        assertEquals(streaming, batch);
    }

    @Test
    void timingsAreKeptPerStageInOrder() {
        BatchPerStage<Integer> done = BatchPerStage.from("ids", List.of(1, 2)).map("a", n -> n).filter("b", n -> true);
        assertEquals(List.of("ids", "a", "b"), List.copyOf(done.timings().keySet()));
        assertTrue(done.elapsed().compareTo(done.timings().get("a")) >= 0);
    }

    @Test
    void thePeakCountsAStagesWholeInputAndOutput() {
        BatchPerStage<Integer> done = BatchPerStage.from(UserProfiles.ids(100))
                .flatMap("twice", n -> List.of(n, n))
                .filter("none", n -> false);
        assertEquals(300, done.peakHeld());
    }

    @Test
    void aFailingStepNamesTheStageAndItem() {
        PipelineException e = assertThrows(PipelineException.class, () -> BatchPerStage.from(List.of(1, 2, 3))
                .map("boom", n -> {
                    if (n == 2) {
                        throw new IllegalStateException("two");
                    }
                    return n;
                }));
        assertEquals("stage 'boom' failed on item 2: java.lang.IllegalStateException: two", e.getMessage());
    }

    @Test
    void badArgumentsAreRejectedWithClearMessages() {
        BatchPerStage<Integer> start = BatchPerStage.from(List.of(1));
        assertEquals("stage name 'source' is already used by [source]; every stage needs its own name",
                assertThrows(IllegalArgumentException.class, () -> start.map("source", n -> n)).getMessage());
        assertEquals("stage name must not be blank",
                assertThrows(IllegalArgumentException.class, () -> start.map("", n -> n)).getMessage());
        assertEquals("step of stage 'x'", assertThrows(NullPointerException.class, () -> start.map("x", null)).getMessage());
        assertThrows(PipelineException.class, () -> start.map("nully", n -> null));
    }
}
