package course.pipeline;

import course.concurrent.WaitPolicy;
import course.testing.Delays;
import course.testing.TestThreads;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderedGateTest {
    @Test
    void outputsLeaveInTheOrderTheirElementsWereTaken() throws Exception {
        Channel in = new Channel(4, WaitPolicy.DEFAULT);
        Channel out = new Channel(4, WaitPolicy.DEFAULT);
        OrderedGate gate = new OrderedGate(new Emitter(out, 1, new StageCounters()), 2);
        in.send("a");
        in.send("b");
        in.close();
        OrderedGate.Taken first = gate.take(in);
        OrderedGate.Taken second = gate.take(in);
        gate.deposit(second.number(), List.of("B"));
        assertEquals(0, out.depth(), "b waits for a");
        gate.deposit(first.number(), List.of("A"));
        assertEquals("A", out.receive());
        assertEquals("B", out.receive());
        assertSame(Channel.END, gate.take(in).element());
    }

    @Test
    void aWorkerWaitingForRoomInTheWindowWakesOnStopWithoutAnInterrupt() throws Exception {
        Channel in = new Channel(4, WaitPolicy.DEFAULT);
        in.send("a");
        OrderedGate gate = new OrderedGate(new Emitter(new Channel(4, WaitPolicy.DEFAULT), 1, new StageCounters()), 1);
        gate.take(in);   // fills the window of one
        TestThreads threads = new TestThreads("gate-test-worker");
        Thread worker = threads.start(() -> {
            assertThrows(InterruptedException.class, () -> gate.take(in));
            assertFalse(Thread.currentThread().isInterrupted(), "the stop, not an interrupt, woke it");
        });
        long deadline = System.nanoTime() + Delays.LONG.toNanos();
        while (worker.getState() != Thread.State.WAITING && System.nanoTime() - deadline < 0) {
            Thread.sleep(1);
        }
        assertTrue(worker.getState() == Thread.State.WAITING, "the worker waits for room, got " + worker.getState());
        gate.stop();
        threads.joinAll();
    }
}
