package course.concurrent.internal;

import course.concurrent.WaitPolicy;
import course.testing.Delays;
import course.testing.TestThreads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HandoffTest {
    /** The one delay of this class. */
    static final Duration SHORT = Delays.SHORT;

    @ParameterizedTest
    @EnumSource(WaitPolicy.class)
    void itemsComeOutInTheOrderTheyWentIn(WaitPolicy policy) throws InterruptedException {
        BlockingQueue<Integer> q = new ArrayBlockingQueue<>(4);
        for (int i = 0; i < 4; i++) {
            Handoff.put(policy, q, i);
        }
        for (int i = 0; i < 4; i++) {
            assertEquals(i, Handoff.take(policy, q));
        }
    }

    @ParameterizedTest
    @EnumSource(WaitPolicy.class)
    void everyItemCrossesExactlyOnceBetweenAProducerAndAConsumer(WaitPolicy policy) throws InterruptedException {
        BlockingQueue<Integer> q = new ArrayBlockingQueue<>(1);
        int n = 5_000;
        TestThreads threads = new TestThreads("handoff-test-producer");
        threads.start(() -> {
            for (int i = 0; i < n; i++) {
                Handoff.put(policy, q, i);
            }
        });
        List<Integer> got = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            got.add(Handoff.take(policy, q));
        }
        threads.joinAll();
        for (int i = 0; i < n; i++) {
            assertEquals(i, got.get(i));
        }
    }

    @ParameterizedTest
    @EnumSource(WaitPolicy.class)
    void putWaitsForRoomAndTakeWaitsForAnItem(WaitPolicy policy) throws InterruptedException {
        BlockingQueue<String> q = new ArrayBlockingQueue<>(1);
        Handoff.put(policy, q, "first");
        TestThreads threads = new TestThreads("handoff-test");
        threads.start(() -> {
            Thread.sleep(SHORT);
            assertEquals("first", q.poll());
        });
        Handoff.put(policy, q, "second");   // only once the taker made room
        threads.joinAll();
        assertEquals("second", Handoff.take(policy, q));

        threads.start(() -> assertEquals("late", Handoff.take(policy, q)));
        Thread.sleep(SHORT);
        q.put("late");
        threads.joinAll();
    }

    @ParameterizedTest
    @EnumSource(WaitPolicy.class)
    void anInterruptBeforeTheCallThrowsAndClearsTheFlag(WaitPolicy policy) {
        BlockingQueue<String> q = new ArrayBlockingQueue<>(1);
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> Handoff.take(policy, q));
        assertFalse(Thread.interrupted(), "the interrupt flag was left set");
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> Handoff.put(policy, q, "x"));
        assertFalse(Thread.interrupted(), "the interrupt flag was left set");
        assertTrue(q.isEmpty(), "an interrupted put still put its item");
    }

    @ParameterizedTest
    @EnumSource(WaitPolicy.class)
    void anInterruptWhileWaitingEndsTheWait(WaitPolicy policy) throws InterruptedException {
        BlockingQueue<String> q = new ArrayBlockingQueue<>(1);
        TestThreads threads = new TestThreads("handoff-test-interrupted");
        Thread waiter = threads.start(() -> assertThrows(InterruptedException.class, () -> Handoff.take(policy, q)));
        Thread.sleep(SHORT);
        waiter.interrupt();
        threads.joinAll();
    }

    @ParameterizedTest
    @EnumSource(WaitPolicy.class)
    void aZeroTimeoutTriesOnceAndReturns(WaitPolicy policy) throws InterruptedException {
        BlockingQueue<String> q = new ArrayBlockingQueue<>(1);
        assertNull(Handoff.poll(policy, q, 0, TimeUnit.NANOSECONDS));
        assertTrue(Handoff.offer(policy, q, "x", 0, TimeUnit.NANOSECONDS));
        assertFalse(Handoff.offer(policy, q, "y", 0, TimeUnit.NANOSECONDS), "offered to a full queue");
        assertEquals("x", Handoff.poll(policy, q, 0, TimeUnit.NANOSECONDS));
    }

    @ParameterizedTest
    @EnumSource(WaitPolicy.class)
    void aTimedWaitGivesUpWhenNothingComes(WaitPolicy policy) throws InterruptedException {
        BlockingQueue<String> q = new ArrayBlockingQueue<>(1);
        assertNull(Handoff.poll(policy, q, SHORT.toNanos(), TimeUnit.NANOSECONDS));
        q.put("full");
        assertFalse(Handoff.offer(policy, q, "more", SHORT.toNanos(), TimeUnit.NANOSECONDS));
        assertEquals(1, q.size());
    }

    @ParameterizedTest
    @EnumSource(WaitPolicy.class)
    void aNullItemIsRefused(WaitPolicy policy) {
        BlockingQueue<String> q = new ArrayBlockingQueue<>(1);
        assertThrows(NullPointerException.class, () -> Handoff.put(policy, q, null));
        assertThrows(NullPointerException.class, () -> Handoff.offer(policy, q, null, 1, TimeUnit.MILLISECONDS));
    }

    @ParameterizedTest
    @EnumSource(WaitPolicy.class)
    void timeoutsBeyond292YearsEitherWayNeitherOverflowNorHang(WaitPolicy policy) {
        BlockingQueue<String> q = new ArrayBlockingQueue<>(1);
        assertTimeoutPreemptively(Delays.LONG, () -> {
            assertNull(Handoff.poll(policy, q, Long.MIN_VALUE, TimeUnit.NANOSECONDS), "polled an empty queue");
            assertTrue(Handoff.offer(policy, q, "x", Long.MAX_VALUE, TimeUnit.DAYS));
            assertFalse(Handoff.offer(policy, q, "y", Long.MIN_VALUE, TimeUnit.NANOSECONDS), "offered to a full queue");
            assertEquals("x", Handoff.poll(policy, q, Long.MAX_VALUE, TimeUnit.DAYS));
        });
    }

    /** An attempt that fails {@code failures} times, then succeeds, counting its tries. */
    private static Handoff.Attempt failing(int failures, AtomicInteger tries) {
        return () -> tries.incrementAndGet() > failures;
    }

    @Test
    void parkTriesNoMoreBeforeTheCallerBlocks() throws InterruptedException {
        AtomicInteger tries = new AtomicInteger();
        assertFalse(Handoff.retry(WaitPolicy.PARK, failing(Integer.MAX_VALUE, tries)));
        assertEquals(0, tries.get(), "PARK tried again instead of blocking at once");
    }

    @Test
    void spinThenParkTriesAgainUpToItsYieldsOnAPlatformThread() throws InterruptedException {
        assertFalse(Thread.currentThread().isVirtual());
        AtomicInteger tries = new AtomicInteger();
        assertFalse(Handoff.retry(WaitPolicy.SPIN_THEN_PARK, failing(Integer.MAX_VALUE, tries)));
        assertEquals(WaitPolicy.SPIN_YIELDS, tries.get());
        AtomicInteger third = new AtomicInteger();
        assertTrue(Handoff.retry(WaitPolicy.SPIN_THEN_PARK, failing(2, third)), "a try that succeeded was not seen");
        assertEquals(3, third.get(), "it went on trying after a success");
        AtomicInteger late = new AtomicInteger();
        assertFalse(Handoff.retry(WaitPolicy.SPIN_THEN_PARK, failing(0, late), System.nanoTime() - 1));
        assertEquals(0, late.get(), "it tried again past its deadline");
    }

    @Test
    void aVirtualThreadParksAtOnceWhateverThePolicy() throws InterruptedException {
        TestThreads threads = new TestThreads("handoff-test-virtual");
        threads.startVirtual(() -> {
            for (WaitPolicy policy : WaitPolicy.values()) {
                AtomicInteger tries = new AtomicInteger();
                assertFalse(Handoff.retry(policy, failing(Integer.MAX_VALUE, tries)));
                assertEquals(0, tries.get(), policy + " yielded on a virtual thread");
            }
        });
        threads.joinAll();
    }

    @Test
    void aNullPolicyIsRefusedAtOnce() {
        BlockingQueue<String> q = new ArrayBlockingQueue<>(1);
        NullPointerException e = assertThrows(NullPointerException.class, () -> Handoff.put(null, q, "x"));
        assertEquals("policy", e.getMessage());
        assertTrue(q.isEmpty());
        assertThrows(NullPointerException.class, () -> Handoff.take(null, q));
    }
}
