package course.pipeline;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StopSignalTest {
    @Test
    void theFirstReasonWinsAndHaltsOnce() {
        AtomicInteger halts = new AtomicInteger();
        StopSignal stop = new StopSignal(halts::incrementAndGet);
        assertFalse(stop.stopped());
        assertNull(stop.exception());
        IllegalStateException cause = new IllegalStateException("boom");
        stop.fail("a", 7, "", cause);
        stop.cancel(null);
        stop.fail("b", 8, "", new RuntimeException("later"));
        assertTrue(stop.stopped());
        assertEquals(1, halts.get());
        PipelineException e = assertInstanceOf(PipelineException.class, stop.exception());
        assertSame(cause, e.getCause());
        assertNotSame(e, stop.exception(), "a fresh exception for every throw");
    }

    @Test
    void aCancelByAContextCarriesItsCause() {
        StopSignal stop = new StopSignal(() -> { });
        IllegalStateException why = new IllegalStateException("context canceled");
        stop.cancel(why);
        CancellationException e = assertInstanceOf(CancellationException.class, stop.exception());
        assertSame(why, e.getCause());
        assertTrue(e.getMessage().endsWith("context canceled"), e.getMessage());
    }

    @Test
    void anInterruptAfterTheStopIsAConsequenceNotAFailure() {
        StopSignal stop = new StopSignal(() -> { });
        stop.cancel(null);
        stop.interrupted("a", new InterruptedException());
        assertInstanceOf(CancellationException.class, stop.exception());
    }
}
