package course.pipeline;

import course.concurrent.WaitPolicy;
import course.testing.TestThreads;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ChannelTest {
    @Test
    void everyReceiverSeesTheEndAfterTheItems() throws Exception {
        Channel channel = new Channel(4, WaitPolicy.DEFAULT, () -> false);
        channel.send("a");
        channel.close();
        assertEquals(1, channel.depth(), "the end marker is not counted");
        assertEquals("a", channel.receive());
        assertSame(Channel.END, channel.receive());
        assertSame(Channel.END, channel.receive());
        assertEquals(0, channel.depth());
    }

    @Test
    void aSenderBlockedOnAFullChannelGivesUpWhenTheRunStops() throws Exception {
        AtomicBoolean stopped = new AtomicBoolean();
        Channel channel = new Channel(1, WaitPolicy.DEFAULT, stopped::get);
        channel.send("fills it");
        TestThreads threads = new TestThreads("channel-test-stopper");
        threads.start(() -> stopped.set(true));
        assertThrows(InterruptedException.class, () -> channel.send("never fits"));
        threads.joinAll();
    }

    @Test
    void aReceiverWaitingOnAnEmptyChannelGivesUpWhenTheRunStops() throws Exception {
        AtomicBoolean stopped = new AtomicBoolean();
        Channel channel = new Channel(1, WaitPolicy.DEFAULT, stopped::get);
        TestThreads threads = new TestThreads("channel-test-stopper");
        threads.start(() -> stopped.set(true));
        assertThrows(InterruptedException.class, channel::receive);
        threads.joinAll();
    }

    @Test
    void aWakeNudgeIsNeverReturnedAsAnItem() throws Exception {
        Channel channel = new Channel(4, WaitPolicy.DEFAULT, () -> false);
        channel.wake();
        channel.send("x");
        assertEquals("x", channel.receive());
    }

    @Test
    void anUnboundedChannelTakesEverything() throws Exception {
        Channel channel = new Channel(Pipeline.UNBOUNDED, WaitPolicy.DEFAULT, () -> false);
        for (int i = 0; i < 10_000; i++) {
            channel.send(i);
        }
        assertEquals(10_000, channel.depth());
    }
}
