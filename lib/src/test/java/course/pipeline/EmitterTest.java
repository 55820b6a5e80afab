package course.pipeline;

import course.concurrent.WaitPolicy;
import course.pipeline.Channel.Chunk;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmitterTest {
    @Test
    void aBatchingEmitterSendsFullChunksAndAShortLastOne() throws Exception {
        Channel out = new Channel(8, WaitPolicy.DEFAULT);
        StageCounters counters = new StageCounters();
        Emitter emitter = new Emitter(out, 2, counters);
        assertFalse(emitter.sendsNext());
        emitter.emit(1);
        assertTrue(emitter.sendsNext());
        emitter.emit(2);
        emitter.emit(3);
        emitter.flush();
        assertEquals(new Chunk(List.of(1, 2)), out.receive());
        assertEquals(new Chunk(List.of(3)), out.receive());
        assertEquals(3, counters.out.sum());
    }

    @Test
    void aFullListIsSentAsTheChunkWithoutACopy() throws Exception {
        Channel out = new Channel(8, WaitPolicy.DEFAULT);
        Emitter emitter = new Emitter(out, 2, new StageCounters());
        List<Object> items = new ArrayList<>(List.of(1, 2));
        List<Object> next = emitter.emitAll(items);
        assertSame(items, ((Chunk) out.receive()).items());
        assertTrue(next.isEmpty());
    }

    @Test
    void anUnbatchedEmitterSendsEveryItemOnItsOwn() throws Exception {
        Channel out = new Channel(8, WaitPolicy.DEFAULT);
        Emitter emitter = new Emitter(out, 1, new StageCounters());
        assertTrue(emitter.sendsNext());
        emitter.emit("x");
        assertEquals("x", out.receive());
    }
}
