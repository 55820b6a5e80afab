package course.pipeline;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelineExceptionTest {
    @Test
    void theMessageNamesTheStageTheItemAndTheCause() {
        IllegalStateException cause = new IllegalStateException("no profile");
        PipelineException e = new PipelineException("profile", 42, "", cause);
        assertEquals("stage 'profile' failed on item 42: java.lang.IllegalStateException: no profile", e.getMessage());
        assertEquals("profile", e.stage());
        assertEquals(Optional.of(42), e.item());
        assertSame(cause, e.getCause());
    }

    @Test
    void withoutAnItemTheNoteSaysWhere() {
        PipelineException e = new PipelineException("ids", null, "after 12 items", new RuntimeException("x"));
        assertEquals("stage 'ids' failed after 12 items: java.lang.RuntimeException: x", e.getMessage());
        assertTrue(e.item().isEmpty());
        assertEquals("stage 'ids' failed: java.lang.RuntimeException: x",
                new PipelineException("ids", null, "", new RuntimeException("x")).getMessage());
    }

    @Test
    void aLongItemIsAbbreviatedInTheMessage() {
        String item = "x".repeat(1_000);
        PipelineException e = new PipelineException("s", item, "", new RuntimeException());
        assertTrue(e.getMessage().length() < 300, e.getMessage());
        assertEquals(item, e.item().orElseThrow());
    }
}
