package course.structured;

import course.concurrent.Context;
import course.pool.Job;
import course.pool.Jobs;
import course.pool.Result;
import course.testing.Delays;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.StructuredTaskScope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StructuredBatchTest {
    private static final Context BG = Context.background();

    /** A job that naps far longer than any test waits, unless it is interrupted. */
    private static Job<Integer, Integer> endless(String id) {
        return Job.of(id, Jobs.SLEEP, 0, (ctx, n) -> {
            Thread.sleep(Delays.LONG.multipliedBy(10));
            return n;
        });
    }

    private static Job<Integer, Integer> failing(String id) {
        return Job.of(id, Jobs.DOUBLE, 0, (ctx, n) -> {
            Thread.sleep(Delays.SHORT);
            throw new IllegalArgumentException("boom");
        });
    }

    @Test
    void allOrThrowReturnsEveryValueInForkOrder() throws InterruptedException {
        assertEquals(List.of(0, 2, 4, 6, 8), StructuredBatch.allOrThrow(Jobs.doubling(5), BG, Delays.LONG));
    }

    @Test
    void aFailingSubtaskCancelsItsSiblings() throws InterruptedException {
        var tracker = new JobTracker();
        var jobs = tracker.trackAll(List.of(endless("a"), failing("b"), endless("c")));
        var e = assertThrows(StructuredTaskScope.FailedException.class, () -> StructuredBatch.allOrThrow(jobs, BG, Delays.LONG));
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertEquals(2, tracker.count(JobTracker.Ending.CANCELLED), tracker.toString());
        assertEquals(1, tracker.count(JobTracker.Ending.FAILED), tracker.toString());
    }

    @Test
    void noThreadIsLeftAfterTheScopeCloses() throws InterruptedException {
        var tracker = new JobTracker();
        var jobs = tracker.trackAll(List.of(endless("a"), failing("b"), endless("c"), endless("d")));
        assertThrows(StructuredTaskScope.FailedException.class, () -> StructuredBatch.allOrThrow(jobs, BG, Delays.LONG));
        assertEquals(4, tracker.started());
        assertEquals(0, tracker.stillRunning(), "a subtask outlived the scope");
        assertEquals(0, tracker.threadsAlive(), "a subtask's thread outlived the scope");
    }

    @Test
    void aTimeoutStopsTheScopeAndInterruptsTheSubtasks() throws InterruptedException {
        var tracker = new JobTracker();
        var jobs = tracker.trackAll(List.of(endless("a"), endless("b")));
        long start = System.nanoTime();
        assertThrows(StructuredTaskScope.TimeoutException.class, () -> StructuredBatch.allOrThrow(jobs, BG, Delays.SHORT));
        // the jobs would nap for 10 × LONG; the scope ended long before (a bound that cannot flake)
        assertTrue(System.nanoTime() - start < Delays.LONG.toNanos(), "the scope did not stop at its timeout");
        assertEquals(2, tracker.count(JobTracker.Ending.CANCELLED), tracker.toString());
        assertEquals(0, tracker.threadsAlive());
    }

    @Test
    void firstOrThrowReturnsTheFirstSuccessAndCancelsTheRest() throws InterruptedException {
        var tracker = new JobTracker();
        var quick = Job.of("quick", Jobs.DOUBLE, 21, (Context ctx, Integer n) -> n * 2);
        var jobs = tracker.trackAll(List.of(endless("slow"), failing("bad"), quick));
        assertEquals(42, StructuredBatch.firstOrThrow(jobs, BG, Delays.LONG));
        assertEquals(0, tracker.stillRunning());
        assertEquals(0, tracker.threadsAlive());
    }

    @Test
    void firstOrThrowFailsWhenEveryJobFails() {
        var e = assertThrows(StructuredTaskScope.FailedException.class,
                () -> StructuredBatch.firstOrThrow(List.of(failing("a"), failing("b")), BG, Delays.LONG));
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
    }

    @Test
    void settleKeepsEveryOutcomeAndMarksTheUnfinishedAtTheTimeout() throws InterruptedException {
        var quick = Job.of("quick", Jobs.DOUBLE, 21, (Context ctx, Integer n) -> n * 2);
        List<Result<Integer>> results = StructuredBatch.settle(List.of(quick, failing("bad"), endless("slow")), BG, Delays.shorts(5));
        assertEquals(List.of("quick", "bad", "slow"), results.stream().map(r -> r.descriptor().id()).toList());
        assertEquals(42, results.get(0).value());
        assertInstanceOf(IllegalArgumentException.class, results.get(1).error());
        assertInstanceOf(CancellationException.class, results.get(2).error());
    }

    @Test
    void argumentsAreCheckedAtOnce() {
        assertThrows(NullPointerException.class, () -> StructuredBatch.allOrThrow(null, BG, Delays.LONG));
        assertThrows(NullPointerException.class, () -> StructuredBatch.allOrThrow(List.<Job<Integer, Integer>>of(), null, Delays.LONG));
        assertThrows(IllegalArgumentException.class, () -> StructuredBatch.settle(List.<Job<Integer, Integer>>of(), BG, Duration.ZERO));
    }

}
