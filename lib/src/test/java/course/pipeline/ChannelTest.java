package course.pipeline;

import course.concurrent.WaitPolicy;
import course.testing.Delays;
import course.testing.TestThreads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChannelTest {
    @Test
    void everyReceiverSeesTheEndAfterTheItems() throws Exception {
        Channel channel = new Channel(4, WaitPolicy.DEFAULT);
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
        Channel channel = new Channel(1, WaitPolicy.DEFAULT);
        channel.send("fills it");
        TestThreads threads = new TestThreads("channel-test-stopper");
        threads.start(channel::stop);
        assertThrows(InterruptedException.class, () -> channel.send("never fits"));
        threads.joinAll();
    }

    @Test
    void aReceiverWaitingOnAnEmptyChannelGivesUpWhenTheRunStops() throws Exception {
        Channel channel = new Channel(1, WaitPolicy.DEFAULT);
        TestThreads threads = new TestThreads("channel-test-stopper");
        threads.start(channel::stop);
        assertThrows(InterruptedException.class, channel::receive);
        threads.joinAll();
    }

    @ParameterizedTest
    @EnumSource(WaitPolicy.class)
    void aSenderParkedOnAFullChannelWakesOnStopWithoutAnInterrupt(WaitPolicy policy) throws Exception {
        Channel channel = new Channel(1, policy);
        channel.send("fills it");
        TestThreads threads = new TestThreads("channel-test-sender");
        Thread sender = threads.start(() -> {
            assertThrows(InterruptedException.class, () -> channel.send("never fits"));
            assertFalse(Thread.currentThread().isInterrupted(), "the stop, not an interrupt, woke it");
        });
        awaitParked(sender);
        channel.stop();
        threads.joinAll();
    }

    @ParameterizedTest
    @EnumSource(WaitPolicy.class)
    void aReceiverParkedOnAnEmptyChannelWakesOnStopWithoutAnInterrupt(WaitPolicy policy) throws Exception {
        Channel channel = new Channel(1, policy);
        TestThreads threads = new TestThreads("channel-test-receiver");
        Thread receiver = threads.start(() -> {
            assertThrows(InterruptedException.class, channel::receive);
            assertFalse(Thread.currentThread().isInterrupted(), "the stop, not an interrupt, woke it");
        });
        awaitParked(receiver);
        channel.stop();
        threads.joinAll();
    }

    @Test
    void aReceiverParkedOnAnEmptyChannelWakesWhenItCloses() throws Exception {
        Channel channel = new Channel(1, WaitPolicy.DEFAULT);
        TestThreads threads = new TestThreads("channel-test-receiver");
        Thread receiver = threads.start(() -> assertSame(Channel.END, channel.receive()));
        awaitParked(receiver);
        channel.close();
        threads.joinAll();
    }

    @Test
    void aStoppedChannelRefusesEveryLaterCall() throws Exception {
        Channel channel = new Channel(4, WaitPolicy.DEFAULT);
        channel.send("x");
        channel.stop();
        assertThrows(InterruptedException.class, () -> channel.send("y"));
        assertThrows(InterruptedException.class, channel::receive);
    }

    @Test
    void anUnboundedChannelTakesEverything() throws Exception {
        Channel channel = new Channel(Pipeline.UNBOUNDED, WaitPolicy.DEFAULT);
        for (int i = 0; i < 10_000; i++) {
            channel.send(i);
        }
        assertEquals(10_000, channel.depth());
    }

    /** Waits, at most {@link Delays#LONG}, until {@code t} parks without a timeout. */
    private static void awaitParked(Thread t) throws InterruptedException {
        long deadline = System.nanoTime() + Delays.LONG.toNanos();
        while (t.getState() != Thread.State.WAITING && System.nanoTime() - deadline < 0) {
            Thread.sleep(1);
        }
        assertTrue(t.getState() == Thread.State.WAITING, "the thread parked in the channel, got " + t.getState());
    }
}
