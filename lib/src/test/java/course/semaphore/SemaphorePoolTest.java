package course.semaphore;

import course.concurrent.CancelledException;
import course.concurrent.Context;
import course.concurrent.DeadlineExceededException;
import course.concurrent.ThreadKind;
import course.concurrent.WaitPolicy;
import course.pool.Job;
import course.pool.Jobs;
import course.pool.Result;
import course.pool.WorkerPool;
import course.testing.Delays;
import course.testing.TestThreads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SemaphorePoolTest {
    /** The one delay of this class: the longest random pause of a stress job, in microseconds. */
    static final int SHORT_MICROS = (int) Delays.SHORT.dividedBy(400).toNanos() / 1000;
    /** A generous bound on cancellation promptness, the only timing this class asserts. */
    static final Duration CANCEL_BOUND = Delays.LONG;

    @Test
    void closingWithZeroGraceAPoolThatNeverRanNeitherThrowsNorLeavesAThread() {
        SemaphorePool<Integer, Integer> idle = new SemaphorePool<>(2);
        idle.close(Duration.ZERO);                   // nothing started: nothing to wait for
        assertTrue(idle.isClosed());
        SemaphorePool<Integer, Integer> fed = new SemaphorePool<>(2);
        fed.generateFrom(Jobs.doubling(10));         // the generator blocks on the full queue
        fed.close(Duration.ZERO);                    // it is interrupted and cannot but end
        assertTrue(fed.isClosed());
        assertEquals(0, TestThreads.alive(fed.name() + "-"));
        assertEquals(0, fed.slotsInUse());
    }

    @Test
    void rejectsANonPositiveWorkerCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SemaphorePool<>(0));
        assertTrue(e.getMessage().contains("at least one worker"), e.getMessage());
    }

    @Test
    void everyJobYieldsExactlyOneResult() throws InterruptedException {
        for (ThreadKind kind : ThreadKind.values()) {
            List<Result<Integer>> results = SemaphorePool.runBatch(2, kind, Context.background(), Jobs.doubling(10));
            assertEquals(10, results.size());
            Set<String> ids = new HashSet<>();
            for (Result<Integer> r : results) {
                assertTrue(r.isOk(), r.toString());
                assertEquals(Integer.parseInt(r.descriptor().id()) * 2, r.value());
                ids.add(r.descriptor().id());
            }
            assertEquals(10, ids.size());
        }
    }

    @ParameterizedTest
    @EnumSource(WaitPolicy.class)
    void eitherWaitPolicyDeliversEveryResultAndStopsWaitingWorkers(WaitPolicy policy) throws InterruptedException {
        for (ThreadKind kind : ThreadKind.values()) {
            try (SemaphorePool<Integer, Integer> pool = new SemaphorePool<>(3, kind, policy)) {
                assertEquals(policy, pool.waitPolicy());
                List<Result<Integer>> results = pool.runAll(Context.background(), Jobs.doubling(50));
                assertEquals(50, results.stream().filter(Result::isOk).map(r -> r.descriptor().id()).distinct().count(),
                        kind + ": " + results);
            }
            Context ctx = Context.background().withCancel();
            try (SemaphorePool<Integer, Integer> idle = new SemaphorePool<>(3, kind, policy)) {
                idle.run(ctx);                                   // no batch: every worker waits for a job
                ctx.cancel();
                assertEquals(3, idle.readAll().size(), kind + ": one stop per worker");
            }
        }
        try (SemaphorePool<Integer, Integer> pool = new SemaphorePool<>(2)) {
            assertEquals(WaitPolicy.DEFAULT, pool.waitPolicy(), "the default");
        }
    }

    @ParameterizedTest
    @EnumSource(WaitPolicy.class)
    void runBatchWithAWaitPolicyReturnsEveryResultAndLeavesNoThread(WaitPolicy policy) throws InterruptedException {
        List<Result<Integer>> results = SemaphorePool.runBatch(2, ThreadKind.PLATFORM, policy,
                Context.background(), Jobs.doubling(10));
        assertEquals(10, results.stream().filter(Result::isOk).map(r -> r.descriptor().id()).distinct().count(),
                results.toString());
        assertEquals(0, SemaphorePool.liveThreads());
        assertThrows(NullPointerException.class, () -> SemaphorePool.runBatch(2, ThreadKind.PLATFORM, null,
                Context.background(), Jobs.doubling(10)));
    }

    @Test
    void allTenResultsArriveInEachOf2000Runs() throws InterruptedException {
        int incomplete = 0;
        for (int run = 0; run < 2_000; run++) {
            List<Result<Integer>> results = SemaphorePool.runBatch(2, ThreadKind.VIRTUAL, Context.background(),
                    jitteryDoubling(10));
            if (results.size() != 10) {
                incomplete++;
            }
        }
        assertEquals(0, incomplete, "runs that lost results");
        assertEquals(0, SemaphorePool.liveThreads());
    }

    @Test
    void aFailingJobYieldsAnErrorResultAndTheOthersGoOn() throws InterruptedException {
        List<Job<Object, Integer>> batch = new ArrayList<>();
        batch.add(Jobs.doubleJob("1", 1));
        batch.add(Jobs.doubleJob("10", "10"));
        batch.add(Jobs.doubleJob("3", 3));
        List<Result<Integer>> results = SemaphorePool.runBatch(2, ThreadKind.PLATFORM, Context.background(), batch);
        assertEquals(3, results.size());
        Result<Integer> bad = results.stream().filter(r -> r.descriptor().id().equals("10")).findFirst().orElseThrow();
        assertFalse(bad.isOk());
        assertTrue(bad.error().getMessage().contains(Jobs.WRONG_ARGUMENT_TYPE), bad.error().getMessage());
        assertEquals(2, results.stream().filter(Result::isOk).count());
    }

    @Test
    void aPassedDeadlineStopsEveryWorkerWithDeadlineExceeded() throws InterruptedException {
        Context ctx = Context.background().withTimeout(Duration.ofNanos(10));
        List<Result<Integer>> results = SemaphorePool.runBatch(2, ThreadKind.PLATFORM, ctx, Jobs.doubling(10));
        List<Result<Integer>> stops = stops(results);
        assertEquals(2, stops.size(), "one stop result per worker: " + results);
        stops.forEach(r -> assertInstanceOf(DeadlineExceededException.class, r.error()));
        assertEquals("context deadline exceeded", stops.getFirst().error().getMessage());
    }

    @Test
    void anImmediateCancelStopsEveryWorkerWithCanceled() throws InterruptedException {
        Context ctx = Context.background().withCancel();
        ctx.cancel();
        List<Result<Integer>> results = SemaphorePool.runBatch(3, ThreadKind.VIRTUAL, ctx, Jobs.doubling(10));
        List<Result<Integer>> stops = stops(results);
        assertEquals(3, stops.size(), "one stop result per worker: " + results);
        stops.forEach(r -> assertInstanceOf(CancelledException.class, r.error()));
    }

    @Test
    void cancellingARunStopsSlowJobsPromptly() throws InterruptedException {
        Context ctx = Context.background().withCancel();
        try (SemaphorePool<Integer, Integer> pool = new SemaphorePool<>(2)) {
            pool.generateFrom(Jobs.sleeping(6, Duration.ofMinutes(5)));
            pool.run(ctx);
            TestThreads.await("both workers hold a slot", () -> pool.slotsInUse() == 2);
            long start = System.nanoTime();
            ctx.cancel();
            List<Result<Integer>> results = pool.readAll();
            assertTrue(System.nanoTime() - start < CANCEL_BOUND.toNanos(), "cancel took too long");
            assertEquals(2, stops(results).size(), results.toString());
            assertTrue(results.stream().noneMatch(Result::isOk));
        }
    }

    @Test
    void everySlotIsFreeOnceTheStreamCloses() throws InterruptedException {
        try (SemaphorePool<Integer, Integer> pool = new SemaphorePool<>(3)) {
            assertEquals(10, pool.runAll(Context.background(), Jobs.doubling(10)).size());
            assertTrue(pool.isClosed());
            assertEquals(0, pool.slotsInUse());
            assertEquals(10, pool.timeline().spans().size());
        }
    }

    @Test
    void closeLeavesNoThreadBehind() throws InterruptedException {
        String prefix;
        try (SemaphorePool<Integer, Integer> pool = new SemaphorePool<>(4)) {
            prefix = pool.name() + "-";
            pool.generateFrom(Jobs.sleeping(20, Duration.ofMillis(1)));
            pool.run(Context.background());
            pool.take();                               // read one, then walk away
        }
        assertEquals(0, TestThreads.alive(prefix));
    }

    @Test
    void closeWithoutARunLeavesNoThreadBehind() {
        String prefix;
        try (SemaphorePool<Integer, Integer> pool = new SemaphorePool<>(2)) {
            prefix = pool.name() + "-";
            pool.generateFrom(Jobs.doubling(10));      // the generator blocks on the full queue
        }
        assertEquals(0, TestThreads.alive(prefix));
    }

    @Test
    void misuseFailsClearly() {
        try (SemaphorePool<Integer, Integer> pool = new SemaphorePool<>(2)) {
            pool.run(Context.background());
            IllegalStateException twice = assertThrows(IllegalStateException.class, () -> pool.run(Context.background()));
            assertTrue(twice.getMessage().contains("already running"), twice.getMessage());
            List<Job<Integer, Integer>> withNull = new ArrayList<>(Jobs.doubling(2));
            withNull.add(null);
            NullPointerException npe = assertThrows(NullPointerException.class, () -> pool.generateFrom(withNull));
            assertTrue(npe.getMessage().contains("job 2"), npe.getMessage());
            pool.generateFrom(List.of());
        }
        SemaphorePool<Integer, Integer> closed = new SemaphorePool<>(1);
        closed.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> closed.generateFrom(Jobs.doubling(1)));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    private static <R> List<Result<R>> stops(List<Result<R>> results) {
        return results.stream().filter(r -> r.descriptor().type().equals(WorkerPool.STOP_TYPE)).toList();
    }

    /** The doubling batch, each job pausing a random few microseconds first. */
    private static List<Job<Integer, Integer>> jitteryDoubling(int count) {
        return Jobs.doubling(count).stream()
                .map(job -> new Job<Integer, Integer>(job.descriptor(), (ctx, n) -> {
                    TimeUnit.MICROSECONDS.sleep(ThreadLocalRandom.current().nextInt(SHORT_MICROS));
                    return Jobs.twice(ctx, n);
                }, job.args()))
                .toList();
    }
}
