package course.concurrent.internal;

import course.testing.Delays;
import course.testing.TestThreads;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HandoffTest {
    /** The one delay of this class. */
    static final Duration SHORT = Delays.SHORT;

    @Test
    void itemsComeOutInTheOrderTheyWentIn() throws InterruptedException {
        BlockingQueue<Integer> q = new ArrayBlockingQueue<>(4);
        for (int i = 0; i < 4; i++) {
            Handoff.put(q, i);
        }
        for (int i = 0; i < 4; i++) {
            assertEquals(i, Handoff.take(q));
        }
    }

    @Test
    void everyItemCrossesExactlyOnceBetweenAProducerAndAConsumer() throws InterruptedException {
        BlockingQueue<Integer> q = new ArrayBlockingQueue<>(1);
        int n = 5_000;
        TestThreads threads = new TestThreads("handoff-test-producer");
        threads.start(() -> {
            for (int i = 0; i < n; i++) {
                Handoff.put(q, i);
            }
        });
        List<Integer> got = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            got.add(Handoff.take(q));
        }
        threads.joinAll();
        for (int i = 0; i < n; i++) {
            assertEquals(i, got.get(i));
        }
    }

    @Test
    void putWaitsForRoomAndTakeWaitsForAnItem() throws InterruptedException {
        BlockingQueue<String> q = new ArrayBlockingQueue<>(1);
        Handoff.put(q, "first");
        TestThreads threads = new TestThreads("handoff-test");
        threads.start(() -> {
            Thread.sleep(SHORT);
            assertEquals("first", q.poll());
        });
        Handoff.put(q, "second");   // only once the taker made room
        threads.joinAll();
        assertEquals("second", Handoff.take(q));

        threads.start(() -> assertEquals("late", Handoff.take(q)));
        Thread.sleep(SHORT);
        q.put("late");
        threads.joinAll();
    }

    @Test
    void anInterruptBeforeTheCallThrowsAndClearsTheFlag() {
        BlockingQueue<String> q = new ArrayBlockingQueue<>(1);
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> Handoff.take(q));
        assertFalse(Thread.interrupted(), "the interrupt flag was left set");
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> Handoff.put(q, "x"));
        assertFalse(Thread.interrupted(), "the interrupt flag was left set");
        assertTrue(q.isEmpty(), "an interrupted put still put its item");
    }

    @Test
    void anInterruptWhileWaitingEndsTheWait() throws InterruptedException {
        BlockingQueue<String> q = new ArrayBlockingQueue<>(1);
        TestThreads threads = new TestThreads("handoff-test-interrupted");
        Thread waiter = threads.start(() -> assertThrows(InterruptedException.class, () -> Handoff.take(q)));
        Thread.sleep(SHORT);
        waiter.interrupt();
        threads.joinAll();
    }

    @Test
    void aZeroTimeoutTriesOnceAndReturns() throws InterruptedException {
        BlockingQueue<String> q = new ArrayBlockingQueue<>(1);
        assertNull(Handoff.poll(q, 0, TimeUnit.NANOSECONDS));
        assertTrue(Handoff.offer(q, "x", 0, TimeUnit.NANOSECONDS));
        assertFalse(Handoff.offer(q, "y", 0, TimeUnit.NANOSECONDS), "offered to a full queue");
        assertEquals("x", Handoff.poll(q, 0, TimeUnit.NANOSECONDS));
    }

    @Test
    void aTimedWaitGivesUpWhenNothingComes() throws InterruptedException {
        BlockingQueue<String> q = new ArrayBlockingQueue<>(1);
        assertNull(Handoff.poll(q, SHORT.toNanos(), TimeUnit.NANOSECONDS));
        q.put("full");
        assertFalse(Handoff.offer(q, "more", SHORT.toNanos(), TimeUnit.NANOSECONDS));
        assertEquals(1, q.size());
    }

    @Test
    void aNullItemIsRefused() {
        BlockingQueue<String> q = new ArrayBlockingQueue<>(1);
        assertThrows(NullPointerException.class, () -> Handoff.put(q, null));
        assertThrows(NullPointerException.class, () -> Handoff.offer(q, null, 1, TimeUnit.MILLISECONDS));
    }

    @Test
    void timeoutsBeyond292YearsEitherWayNeitherOverflowNorHang() {
        BlockingQueue<String> q = new ArrayBlockingQueue<>(1);
        assertTimeoutPreemptively(Delays.LONG, () -> {
            assertNull(Handoff.poll(q, Long.MIN_VALUE, TimeUnit.NANOSECONDS), "polled an empty queue");
            assertTrue(Handoff.offer(q, "x", Long.MAX_VALUE, TimeUnit.DAYS));
            assertFalse(Handoff.offer(q, "y", Long.MIN_VALUE, TimeUnit.NANOSECONDS), "offered to a full queue");
            assertEquals("x", Handoff.poll(q, Long.MAX_VALUE, TimeUnit.DAYS));
        });
    }
}
