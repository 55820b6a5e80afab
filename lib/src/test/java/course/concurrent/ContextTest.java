package course.concurrent;

import course.testing.Delays;
import course.testing.TestThreads;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContextTest {
    /** The one delay of this class; everything else is a multiple of it. */
    static final Duration SHORT = Delays.SHORT;
    /** Far longer than any test should take: a sleep this long must be cut short. */
    static final Duration LONG = Delays.LONG;
    /** The generous bound on how long a cancellation may take to be noticed. */
    static final Duration PROMPT = SHORT.multipliedBy(100);

    @Test
    void backgroundIsNeverDoneAndCannotBeCancelled() throws InterruptedException {
        Context bg = Context.background();
        assertFalse(bg.isDone());
        assertNull(bg.cause());
        assertTrue(bg.deadline().isEmpty());
        assertFalse(bg.awaitDone(SHORT));
        assertThrows(UnsupportedOperationException.class, bg::cancel);
        assertThrows(IllegalStateException.class, bg::awaitDone);
    }

    @Test
    void cancelMakesTheContextDoneWithACancelledCause() {
        Context ctx = Context.background().withCancel();
        assertFalse(ctx.isDone());
        ctx.cancel();
        assertTrue(ctx.isDone());
        assertInstanceOf(CancelledException.class, ctx.cause());
        assertEquals("context canceled", ctx.cause().getMessage());
        ContextException thrown = assertThrows(ContextException.class, ctx::throwIfDone);
        assertInstanceOf(CancelledException.class, thrown);
        assertEquals("context canceled", thrown.getMessage());
        assertSame(ctx.cause(), thrown.getCause(), "each throw is caused by the stored cause");
        assertNotSame(thrown, assertThrows(ContextException.class, ctx::throwIfDone), "a throw reused an exception");
    }

    @Test
    void everyThreadThatThrowsGetsAFreshExceptionCausedByTheStoredOne() throws InterruptedException {
        Context ctx = Context.background().withTimeout(Duration.ZERO);
        List<ContextException> thrown = new CopyOnWriteArrayList<>();
        TestThreads threads = new TestThreads("context-test-throwers");
        for (int i = 0; i < 2; i++) {
            threads.start(() -> thrown.add(assertThrows(DeadlineExceededException.class, () -> ctx.sleep(LONG))));
        }
        threads.joinAll();
        assertEquals(2, thrown.size());
        assertNotSame(thrown.get(0), thrown.get(1), "two threads threw one exception object");
        for (ContextException e : thrown) {
            assertSame(ctx.cause(), e.getCause());
            assertEquals("context deadline exceeded", e.getMessage());
        }
    }

    @Test
    void aPassedDeadlineGivesADeadlineExceededCause() throws InterruptedException {
        Context ctx = Context.background().withTimeout(Duration.ofNanos(10));
        Thread.sleep(1);
        assertTrue(ctx.isDone());
        assertInstanceOf(DeadlineExceededException.class, ctx.cause());
        assertEquals("context deadline exceeded", ctx.cause().getMessage());
        assertTrue(Context.background().withTimeout(Duration.ZERO).isDone());
        assertTrue(Context.background().withTimeout(Duration.ofSeconds(-5)).isDone());
        assertTrue(Context.background().withDeadline(Instant.now().minusSeconds(1)).isDone());
    }

    @Test
    void theFirstCauseWinsAndNeverChanges() {
        Context expired = Context.background().withTimeout(Duration.ZERO);
        assertTrue(expired.isDone());
        expired.cancel();
        assertInstanceOf(DeadlineExceededException.class, expired.cause());

        Context cancelled = Context.background().withTimeout(SHORT);
        cancelled.cancel();
        ContextException first = cancelled.cause();
        cancelled.cancel();
        assertSame(first, cancelled.cause());
        assertInstanceOf(CancelledException.class, first);
    }

    @Test
    void aDeadlineFiresCallbacksWithoutAnyoneAsking() throws InterruptedException {
        Context ctx = Context.background().withTimeout(SHORT);
        CountDownLatch fired = new CountDownLatch(1);
        ctx.onDone(fired::countDown);
        assertTrue(fired.await(PROMPT.toMillis(), TimeUnit.MILLISECONDS), "the deadline callback never fired");
        assertInstanceOf(DeadlineExceededException.class, ctx.cause());
    }

    @Test
    void cancellingAParentCancelsItsDescendantsButNotTheOtherWay() {
        Context parent = Context.background().withCancel();
        Context child = parent.withCancel();
        Context grandchild = child.withTimeout(LONG);
        Context sibling = parent.withCancel();

        sibling.cancel();
        assertFalse(parent.isDone(), "cancelling a child must not cancel its parent");
        assertFalse(child.isDone());

        parent.cancel();
        assertTrue(child.isDone());
        assertTrue(grandchild.isDone());
        assertInstanceOf(CancelledException.class, grandchild.cause());
    }

    @Test
    void aChildOfADoneContextIsDoneAtOnceWithTheParentsCause() {
        Context parent = Context.background().withTimeout(Duration.ZERO);
        assertTrue(parent.isDone());
        Context child = parent.withCancel();
        assertTrue(child.isDone());
        assertInstanceOf(DeadlineExceededException.class, child.cause());
    }

    @Test
    void aChildsDeadlineIsNeverLaterThanItsParents() {
        Context parent = Context.background().withTimeout(LONG);
        Context child = parent.withTimeout(LONG.multipliedBy(10));
        assertEquals(parent.deadline(), child.deadline());
        Context sooner = parent.withTimeout(SHORT);
        assertTrue(sooner.deadline().orElseThrow().isBefore(parent.deadline().orElseThrow()));
        assertEquals(parent.deadline(), parent.withCancel().deadline());
        parent.cancel();
    }

    @Test
    void onDoneRunsEachCallbackOnceInOrderAndAtOnceWhenAlreadyDone() {
        Context ctx = Context.background().withCancel();
        List<String> calls = Collections.synchronizedList(new ArrayList<>());
        ctx.onDone(() -> calls.add("first"));
        ctx.onDone(() -> calls.add("second"));
        ctx.cancel();
        ctx.cancel();
        assertEquals(List.of("first", "second"), calls);
        ctx.onDone(() -> calls.add("late"));
        assertEquals(List.of("first", "second", "late"), calls);
    }

    @Test
    void aRemovedCallbackNeverRuns() {
        Context ctx = Context.background().withCancel();
        AtomicInteger runs = new AtomicInteger();
        Context.Registration registration = ctx.onDone(runs::incrementAndGet);
        registration.remove();
        registration.remove();
        ctx.cancel();
        assertEquals(0, runs.get());
    }

    @Test
    void aFailingCallbackDoesNotStopTheOthers() {
        Context ctx = Context.background().withCancel();
        AtomicInteger runs = new AtomicInteger();
        ctx.onDone(() -> {
            throw new IllegalStateException("boom");
        });
        ctx.onDone(runs::incrementAndGet);
        assertThrows(IllegalStateException.class, ctx::cancel);
        assertEquals(1, runs.get());
        assertTrue(ctx.isDone());
    }

    @Test
    void sleepWakesPromptlyWhenCancelled() throws InterruptedException {
        Context ctx = Context.background().withCancel();
        CountDownLatch sleeping = new CountDownLatch(1);
        TestThreads threads = new TestThreads("context-test-sleeper");
        Thread sleeper = threads.start(() -> {
            sleeping.countDown();
            assertThrows(CancelledException.class, () -> ctx.sleep(LONG));
        });
        sleeping.await();
        long start = System.nanoTime();
        ctx.cancel();
        sleeper.join(PROMPT);
        long took = System.nanoTime() - start;
        assertFalse(sleeper.isAlive(), "the sleeper did not wake within " + PROMPT);
        threads.joinAll();
        assertTrue(took < PROMPT.toNanos());
    }

    @Test
    void sleepEndsWithTheDeadline() {
        Context ctx = Context.background().withTimeout(SHORT);
        assertThrows(DeadlineExceededException.class, () -> ctx.sleep(LONG));
    }

    @Test
    void sleepReturnsNormallyWhenTheTimeIsUpFirst() throws InterruptedException {
        Context ctx = Context.background().withCancel();
        ctx.sleep(Duration.ofMillis(1));
        ctx.sleep(Duration.ZERO);
        ctx.sleep(Duration.ofMillis(-1));
        assertFalse(ctx.isDone());
        ctx.cancel();
        assertThrows(CancelledException.class, () -> ctx.sleep(Duration.ZERO));
    }

    @Test
    void awaitDoneReturnsWhenCancelledFromAnotherThread() throws InterruptedException {
        Context ctx = Context.background().withCancel();
        TestThreads threads = new TestThreads("context-test-canceller");
        threads.start(() -> {
            Thread.sleep(SHORT);
            ctx.cancel();
        });
        assertTrue(ctx.awaitDone(PROMPT));
        ctx.awaitDone();
        threads.joinAll();
    }

    @Test
    void nullArgumentsAreRejected() {
        Context ctx = Context.background().withCancel();
        assertThrows(NullPointerException.class, () -> ctx.withTimeout(null));
        assertThrows(NullPointerException.class, () -> ctx.withDeadline(null));
        assertThrows(NullPointerException.class, () -> ctx.onDone(null));
        assertThrows(NullPointerException.class, () -> ctx.sleep(null));
        assertThrows(NullPointerException.class, () -> ctx.awaitDone(null));
        ctx.cancel();
    }

    @Test
    void hugeTimeoutsDoNotOverflow() {
        Context ctx = Context.background().withTimeout(Duration.ofSeconds(Long.MAX_VALUE));
        assertFalse(ctx.isDone());
        Context far = Context.background().withDeadline(Instant.MAX);
        assertFalse(far.isDone());
        ctx.cancel();
        far.cancel();
    }

    @Test
    void hugeNegativeTimeoutsAreAlreadyPastAndNeverWait() {
        Context past = Context.background().withTimeout(Duration.ofSeconds(Long.MIN_VALUE));
        assertTrue(past.isDone());
        assertInstanceOf(DeadlineExceededException.class, past.cause());
        Context live = Context.background().withCancel();
        assertTimeoutPreemptively(Delays.LONG, () -> assertFalse(live.awaitDone(Duration.ofSeconds(Long.MIN_VALUE))));
        assertTimeoutPreemptively(Delays.LONG, () -> live.sleep(Duration.ofSeconds(Long.MIN_VALUE)));
        live.cancel();
        assertTimeoutPreemptively(Delays.LONG, () -> assertTrue(live.awaitDone(Duration.ofSeconds(Long.MAX_VALUE))));
    }
}
