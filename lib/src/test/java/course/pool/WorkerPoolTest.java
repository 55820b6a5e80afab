package course.pool;

import course.concurrent.CancelledException;
import course.concurrent.Context;
import course.concurrent.ContextException;
import course.concurrent.DeadlineExceededException;
import course.concurrent.ThreadKind;
import course.concurrent.WaitPolicy;
import course.testing.Delays;
import course.testing.TestThreads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class WorkerPoolTest {
    /** The one delay of this class; everything else is a multiple of it. */
    static final Duration SHORT = Delays.SHORT;
    /** Far longer than any test should take: a job this long must be cut short by cancellation. */
    static final Duration LONG = Delays.LONG;
    /** The generous bound on how long cancellation may take to stop a pool. */
    static final Duration PROMPT = SHORT.multipliedBy(100);

    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void everyJobYieldsExactlyOneResult(ThreadKind kind) throws InterruptedException {
        List<Job<Integer, Integer>> batch = Jobs.doubling(50);
        try (WorkerPool<Integer, Integer> pool = new WorkerPool<>(3, kind)) {
            List<Result<Integer>> results = pool.runAll(Context.background(), batch);
            assertEquals(50, results.size());
            Set<String> ids = results.stream().map(r -> r.descriptor().id()).collect(Collectors.toSet());
            assertEquals(50, ids.size(), "a job's result appeared twice");
            for (Result<Integer> r : results) {
                assertTrue(r.isOk(), r.toString());
                assertEquals(2 * Integer.parseInt(r.descriptor().id()), r.value());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(WaitPolicy.class)
    void eitherWaitPolicyDeliversEveryResultAndStopsWaitingWorkers(WaitPolicy policy) throws InterruptedException {
        for (ThreadKind kind : ThreadKind.values()) {
            try (WorkerPool<Integer, Integer> pool = new WorkerPool<>(3, kind, 1, policy)) {
                assertEquals(policy, pool.waitPolicy());
                List<Result<Integer>> results = pool.runAll(Context.background(), Jobs.doubling(50));
                assertEquals(50, results.stream().filter(Result::isOk).map(r -> r.descriptor().id()).distinct().count(),
                        kind + ": " + results);
            }
            Context ctx = Context.background().withCancel();
            try (WorkerPool<Integer, Integer> idle = new WorkerPool<>(3, kind, 1, policy)) {
                idle.run(ctx);                                   // no batch: every worker waits for a job
                ctx.cancel();
                assertEquals(3, idle.readAll().size(), kind + ": one stop per worker");
            }
        }
    }

    @Test
    void theDefaultWaitPolicyIsSpinThenPark() {
        try (WorkerPool<Integer, Integer> pool = new WorkerPool<>(2)) {
            assertEquals(WaitPolicy.SPIN_THEN_PARK, pool.waitPolicy());
        }
        assertEquals(WaitPolicy.SPIN_THEN_PARK, WaitPolicy.DEFAULT);
        assertThrows(NullPointerException.class, () -> new WorkerPool<Integer, Integer>(2, ThreadKind.PLATFORM, 2, null));
    }

    @Test
    void theOriginalDemoDoublesTenArgumentsOnTwoWorkers() throws InterruptedException {
        List<Result<Integer>> results = WorkerPool.runBatch(2, ThreadKind.PLATFORM, Context.background(),
                Jobs.doubling(10));
        Map<String, Integer> values = results.stream()
                .collect(Collectors.toMap(r -> r.descriptor().id(), Result::value));
        for (int i = 0; i < 10; i++) {
            assertEquals(2 * i, values.get(Integer.toString(i)));
        }
    }

    @Test
    void aFailingJobYieldsAnErrorResultAndTheOthersGoOn() throws InterruptedException {
        List<Job<Object, Integer>> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(Jobs.doubleJob(Integer.toString(i), i));
        }
        batch.add(Jobs.doubleJob("10", "10"));
        try (WorkerPool<Object, Integer> pool = new WorkerPool<>(2)) {
            List<Result<Integer>> results = pool.runAll(Context.background(), batch);
            assertEquals(11, results.size());
            List<Result<Integer>> failed = results.stream().filter(r -> !r.isOk()).toList();
            assertEquals(1, failed.size());
            assertEquals("10", failed.getFirst().descriptor().id());
            assertInstanceOf(IllegalArgumentException.class, failed.getFirst().error());
            assertTrue(failed.getFirst().error().getMessage().startsWith(Jobs.WRONG_ARGUMENT_TYPE));
        }
    }

    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void cancellingStopsEveryWorkerPromptlyWithOneErrorEach(ThreadKind kind) throws InterruptedException {
        int workers = 4;
        CountDownLatch started = new CountDownLatch(workers);
        List<Job<Integer, Integer>> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            batch.add(Job.of(Integer.toString(i), "nap", i, (ctx, n) -> {
                started.countDown();
                ctx.sleep(LONG);
                return n;
            }));
        }
        Context ctx = Context.background().withCancel();
        try (WorkerPool<Integer, Integer> pool = new WorkerPool<>(workers, kind)) {
            pool.generateFrom(batch);
            pool.run(ctx);
            assertTrue(started.await(PROMPT.toMillis(), TimeUnit.MILLISECONDS), "the workers never started");
            long start = System.nanoTime();
            ctx.cancel();
            List<Result<Integer>> results = pool.readAll();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(PROMPT) < 0, "cancellation took " + took);

            List<Result<Integer>> stops = results.stream()
                    .filter(r -> r.descriptor().type().equals(WorkerPool.STOP_TYPE)).toList();
            assertEquals(workers, stops.size(), "each worker reports exactly one stop: " + results);
            assertEquals(workers, stops.stream().map(r -> r.descriptor().id()).distinct().count());
            for (Result<Integer> r : results) {
                assertFalse(r.isOk(), r.toString());
                assertInstanceOf(CancelledException.class, r.error());
            }
            assertEquals(2 * workers, results.size(), "the jobs in hand, then one stop per worker: " + results);
        }
    }

    @Test
    void aDeadlineStopsEveryWorkerWithDeadlineExceeded() throws InterruptedException {
        int workers = 3;
        Context ctx = Context.background().withTimeout(SHORT);
        long start = System.nanoTime();
        try (WorkerPool<Integer, Integer> pool = new WorkerPool<>(workers)) {
            List<Result<Integer>> results = pool.runAll(ctx, Jobs.sleeping(30, LONG));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(PROMPT) < 0, "the deadline took " + took + " to stop the pool");
            long stops = results.stream().filter(r -> r.descriptor().type().equals(WorkerPool.STOP_TYPE)).count();
            assertEquals(workers, stops);
            for (Result<Integer> r : results) {
                assertInstanceOf(DeadlineExceededException.class, r.error(), r.toString());
            }
        }
    }

    @Test
    void aTenNanosecondDeadlineYieldsOnlyDeadlineErrors() throws InterruptedException {
        try (WorkerPool<Integer, Integer> pool = new WorkerPool<>(2)) {
            List<Result<Integer>> results = pool.runAll(Context.background().withTimeout(Duration.ofNanos(10)),
                    Jobs.doubling(10));
            assertFalse(results.isEmpty());
            for (Result<Integer> r : results) {
                assertInstanceOf(DeadlineExceededException.class, r.error(), r.toString());
                assertEquals("context deadline exceeded", r.error().getMessage());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void anImmediateCancelYieldsOneCanceledResultPerWorker(ThreadKind kind) throws InterruptedException {
        Context ctx = Context.background().withCancel();
        ctx.cancel();
        try (WorkerPool<Integer, Integer> pool = new WorkerPool<>(2, kind)) {
            List<Result<Integer>> results = pool.runAll(ctx, Jobs.doubling(10));
            assertEquals(2, results.size(), results.toString());
            for (Result<Integer> r : results) {
                assertEquals(WorkerPool.STOP_TYPE, r.descriptor().type());
                assertEquals("context canceled", r.error().getMessage());
            }
        }
    }

    @Test
    void noPlatformThreadOutlivesThePool() throws InterruptedException {
        WorkerPool<Integer, Integer> pool = new WorkerPool<>(4, ThreadKind.PLATFORM);
        String prefix = pool.name() + "-";
        assertEquals(0, TestThreads.alive(prefix));
        pool.generateFrom(Jobs.sleeping(40, LONG)); // the generator blocks on the full queue
        pool.run(Context.background());            // the workers sleep
        assertEquals(5, TestThreads.alive(prefix), "4 workers and a generator");
        pool.close();
        assertEquals(0, TestThreads.alive(prefix));
        assertEquals(0, WorkerPool.liveThreads());
    }

    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void closingWithZeroGraceAPoolThatNeverRanNeitherThrowsNorLeavesAThread(ThreadKind kind) {
        WorkerPool<Integer, Integer> idle = new WorkerPool<>(2, kind);
        idle.close(Duration.ZERO);                   // nothing started: nothing to wait for
        assertTrue(idle.isClosed());
        WorkerPool<Integer, Integer> fed = new WorkerPool<>(2, kind);
        fed.generateFrom(Jobs.doubling(10));         // the generator blocks on the full queue
        fed.close(Duration.ZERO);                    // it is interrupted and cannot but end
        assertTrue(fed.isClosed());
        assertEquals(0, TestThreads.alive(fed.name() + "-"));
    }

    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void closingEarlyCancelsTheRunAndLeavesNoThread(ThreadKind kind) throws InterruptedException {
        WorkerPool<Integer, Integer> pool = new WorkerPool<>(3, kind);
        pool.generateFrom(Jobs.sleeping(100, LONG));
        pool.run(Context.background());
        assertTrue(WorkerPool.liveThreads() > 0);
        long start = System.nanoTime();
        pool.close();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(PROMPT) < 0, "close took " + took);
        assertEquals(0, WorkerPool.liveThreads());
        assertTrue(pool.isClosed());
        pool.close(); // idempotent
    }

    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void closeInterruptsAJobThatIgnoresItsContext(ThreadKind kind) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        AtomicReference<Throwable> seen = new AtomicReference<>();
        Job<Integer, Integer> deaf = Job.of("deaf", "sleep", 1, (ctx, n) -> {
            running.countDown();
            try {
                Thread.sleep(LONG);            // never looks at ctx
            } catch (InterruptedException e) {
                seen.set(e);
            }
            return n;
        });
        WorkerPool<Integer, Integer> pool = new WorkerPool<>(1, kind);
        pool.generateFrom(List.of(deaf));
        pool.run(Context.background());
        running.await();
        pool.close();
        assertInstanceOf(InterruptedException.class, seen.get(), "close() did not interrupt the busy worker");
        assertEquals(0, WorkerPool.liveThreads(), "a pool thread outlived close()");
    }

    @Test
    void closeGivesUpAfterItsGraceAndNamesTheThreadLeft() throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Job<Integer, Integer> stubborn = Job.of("stubborn", "spin", 1, (ctx, n) -> {
            running.countDown();
            while (true) {                     // ignores its context and every interrupt
                try {
                    if (release.await(SHORT.toMillis(), TimeUnit.MILLISECONDS)) {
                        return n;
                    }
                } catch (InterruptedException e) {
                    // swallowed on purpose
                }
            }
        });
        WorkerPool<Integer, Integer> pool = new WorkerPool<>(1);
        pool.generateFrom(List.of(stubborn));
        pool.run(Context.background());
        running.await();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.close(SHORT.multipliedBy(10)));
        assertTrue(e.getMessage().contains(pool.name() + "-worker-0"), e.getMessage());
        assertTrue(e.getMessage().contains("ignores both its context and interrupts"), e.getMessage());
        release.countDown();
        pool.close();                          // now the job returns, and the threads end
        assertEquals(0, WorkerPool.liveThreads(), "a pool thread outlived close()");
    }

    @Test
    void aNullGraceIsRefused() {
        try (WorkerPool<Integer, Integer> pool = new WorkerPool<>(1)) {
            assertThrows(NullPointerException.class, () -> pool.close(null));
        }
    }

    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void anyBufferSizeYieldsExactlyOneResultPerJob(ThreadKind kind) throws InterruptedException {
        for (int buffer : new int[] {1, 64}) {
            try (WorkerPool<Integer, Integer> pool = new WorkerPool<>(3, kind, buffer)) {
                assertEquals(buffer, pool.buffer());
                List<Result<Integer>> results = pool.runAll(Context.background(), Jobs.doubling(200));
                assertEquals(200, results.size(), "buffer " + buffer);
                assertEquals(200, results.stream().map(r -> r.descriptor().id()).distinct().count(),
                        "a job's result appeared twice with buffer " + buffer);
            }
        }
        assertEquals(2, new WorkerPool<Integer, Integer>(2).buffer(), "the default buffer is one per worker");
    }

    /** How a run ends, for {@link #everyRunEndsAndLeavesNoThreadWhateverItsBuffer}. */
    enum Ending { COMPLETES, A_JOB_FAILS, CANCELLED, DEADLINE, CLOSED }

    /** Four workers with a buffer smaller than, equal to and larger than their count, on either kind of thread. */
    static Stream<Arguments> buffersEndingsAndKinds() {
        List<Arguments> all = new ArrayList<>();
        for (int buffer : new int[] {1, 2, 4, 7}) {
            for (Ending ending : Ending.values()) {
                for (ThreadKind kind : ThreadKind.values()) {
                    all.add(Arguments.of(4, buffer, ending, kind));
                }
            }
        }
        return all.stream();
    }

    /**
     * Issue 12, defect 1: a pool whose buffer is smaller than its worker count could wake only
     * {@code buffer} of the workers waiting on an empty jobs queue when its run stopped, so the
     * results stream never closed and the other workers lived on. First the deterministic case:
     * no batch, every worker waiting for a job when the run stops. Then many runs of small jobs
     * stopped at a random moment, which catch the race whatever the workers were doing.
     * Every wait here is bounded, so the old code fails instead of hanging.
     */
    @ParameterizedTest(name = "{0} workers, buffer {1}, {2}, {3}")
    @MethodSource("buffersEndingsAndKinds")
    void everyRunEndsAndLeavesNoThreadWhateverItsBuffer(int workers, int buffer, Ending ending, ThreadKind kind)
            throws InterruptedException {
        String where = workers + " workers, buffer " + buffer + ", " + ending + ", " + kind;
        int before = WorkerPool.liveThreads();               // threads a failed case before left behind
        if (ending != Ending.COMPLETES && ending != Ending.A_JOB_FAILS) {
            Context ctx = ending == Ending.DEADLINE ? Context.background().withTimeout(Delays.shorts(5))
                    : Context.background().withCancel();
            WorkerPool<Integer, Integer> pool = new WorkerPool<>(workers, kind, buffer);
            pool.run(ctx);                                   // no batch: every worker waits for a job
            awaitWorkersWaiting(pool, kind, workers, ctx);
            List<Result<Integer>> results = stop(pool, ctx, ending);
            if (ending != Ending.CLOSED) {
                Class<? extends ContextException> cause = ending == Ending.DEADLINE
                        ? DeadlineExceededException.class : CancelledException.class;
                assertEquals(workers, results.size(), where + ": one stop per worker: " + results);
                for (Result<Integer> r : results) {
                    assertEquals(WorkerPool.STOP_TYPE, r.descriptor().type(), where + ": " + r);
                    assertInstanceOf(cause, r.error(), where + ": " + r);
                }
                assertEquals(workers, results.stream().map(r -> r.descriptor().id()).distinct().count(), where);
            }
            assertNoThreadLeft(pool, before, where);
        }
        SplittableRandom random = new SplittableRandom(RACE_SEED + buffer * 31L + ending.ordinal() * 7L + kind.ordinal());
        for (int run = 0; run < RACE_RUNS; run++) {
            int jobs = random.nextInt(1, 60);
            int failing = ending == Ending.A_JOB_FAILS ? random.nextInt(jobs) : -1;
            List<Job<Object, Integer>> batch = new ArrayList<>();
            for (int i = 0; i < jobs; i++) {
                batch.add(Jobs.doubleJob(Integer.toString(i), i == failing ? "not a number" : (Object) i));
            }
            long stopAfterNanos = random.nextLong(200_000);
            Context ctx = ending == Ending.DEADLINE ? Context.background().withTimeout(Duration.ofNanos(stopAfterNanos))
                    : Context.background().withCancel();
            String thisRun = where + ", run " + run + " of " + jobs + " jobs (seed " + RACE_SEED + ")";
            WorkerPool<Object, Integer> pool = new WorkerPool<>(workers, kind, buffer);
            pool.generateFrom(batch);
            pool.run(ctx);
            if (ending == Ending.CANCELLED || ending == Ending.CLOSED) {
                LockSupport.parkNanos(stopAfterNanos);
            }
            List<Result<Integer>> results = stop(pool, ctx, ending);
            List<String> ids = results.stream().map(r -> r.descriptor().id()).toList();
            assertEquals(ids.size(), Set.copyOf(ids).size(), thisRun + ": a result appeared twice: " + results);
            if (ending == Ending.COMPLETES || ending == Ending.A_JOB_FAILS) {
                assertEquals(jobs, results.size(), thisRun + ": " + results);
                assertEquals(failing < 0 ? 0 : 1, results.stream().filter(r -> !r.isOk()).count(), thisRun);
            } else if (ending != Ending.CLOSED) {
                long stops = results.stream().filter(r -> r.descriptor().type().equals(WorkerPool.STOP_TYPE)).count();
                assertTrue(stops <= workers, thisRun + ": more stops than workers: " + results);
            }
            assertNoThreadLeft(pool, before, thisRun);
        }
    }

    /** Runs per case of the random half of the test above: enough to see a 6 % race at once. */
    private static final int RACE_RUNS = 40;
    private static final long RACE_SEED = Long.getLong("course.test.seed", 12);

    /** Ends the run as {@code ending} says and returns the results read, each wait bounded. */
    private static <A> List<Result<Integer>> stop(WorkerPool<A, Integer> pool, Context ctx, Ending ending)
            throws InterruptedException {
        switch (ending) {
            case CANCELLED -> ctx.cancel();
            case CLOSED -> {
                pool.close(Delays.LONG);                    // throws if a thread outlives the grace
                return List.of();
            }
            default -> { }                                  // the batch ends, or the deadline passes
        }
        List<Result<Integer>> all = new ArrayList<>();
        long deadline = System.nanoTime() + Delays.LONG.toNanos();
        while (!pool.isClosed()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail(pool + ": the results stream did not close within " + Delays.LONG + " (" + ending
                        + "); results so far: " + all);
            }
            pool.poll(Duration.ofNanos(left)).ifPresent(all::add);
        }
        return all;
    }

    /**
     * Waits, bounded, until every worker of the pool is parked (or the run's deadline has passed
     * already); virtual workers, which no thread list shows, get a short pause instead.
     */
    private static void awaitWorkersWaiting(WorkerPool<?, ?> pool, ThreadKind kind, int workers, Context ctx)
            throws InterruptedException {
        if (kind == ThreadKind.VIRTUAL) {
            Thread.sleep(Delays.SHORT);
            return;
        }
        String prefix = pool.name() + "-worker-";
        TestThreads.await("all " + workers + " workers of " + pool.name() + " wait for a job", () -> ctx.isDone()
                || Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.getName().startsWith(prefix) && t.getState() == Thread.State.WAITING)
                        .count() == workers);
    }

    /** Closes the pool (bounded) and checks that none of its threads is left. */
    private static void assertNoThreadLeft(WorkerPool<?, ?> pool, int before, String where) {
        pool.close(Delays.LONG);
        assertEquals(before, WorkerPool.liveThreads(), where + ": pool threads left running");
    }

    @Test
    void aBufferLetsTheGeneratorRunAheadOfABusyWorker() throws InterruptedException {
        for (int buffer : new int[] {1, 8}) {
            CountDownLatch release = new CountDownLatch(1);
            List<Job<Integer, Integer>> batch = new ArrayList<>();
            batch.add(Job.of("blocker", "wait", 0, (ctx, n) -> {
                release.await();
                return n;
            }));
            batch.addAll(Jobs.doubling(5).subList(1, 5));
            try (WorkerPool<Integer, Integer> pool = new WorkerPool<>(1, ThreadKind.PLATFORM, buffer)) {
                pool.generateFrom(batch);
                pool.run(Context.background());
                Thread generator = threadNamed(pool.name() + "-generator");
                // 4 jobs and the end marker wait behind the blocked worker: only a buffer of 5 or
                // more holds them all, and only then can the generator finish its batch.
                boolean finished = generator == null || generator.join(buffer >= 5 ? LONG : SHORT);
                assertEquals(buffer >= 5, finished, "generator finished with buffer " + buffer);
                release.countDown();
                assertEquals(5, pool.readAll().size());
            }
        }
    }

    private static Thread threadNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).findFirst().orElse(null);
    }

    @Test
    void closingBeforeRunningStopsTheGeneratorAndEndsTheStream() throws InterruptedException {
        WorkerPool<Integer, Integer> pool = new WorkerPool<>(2);
        pool.generateFrom(Jobs.doubling(10)); // blocks once the queue holds 2 jobs
        pool.close();
        assertEquals(0, WorkerPool.liveThreads());
        assertTrue(pool.take().isEmpty());
        assertTrue(pool.done().isDone());
    }

    @Test
    void badArgumentsAreRejectedAtOnceWithClearMessages() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> new WorkerPool<>(0));
        assertTrue(zero.getMessage().contains("at least one worker"), zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new WorkerPool<>(-3));
        assertThrows(NullPointerException.class, () -> new WorkerPool<>(1, null));
        IllegalArgumentException noBuffer = assertThrows(IllegalArgumentException.class,
                () -> new WorkerPool<>(2, ThreadKind.PLATFORM, 0));
        assertTrue(noBuffer.getMessage().contains("buffer of at least one"), noBuffer.getMessage());

        try (WorkerPool<Integer, Integer> pool = new WorkerPool<>(2)) {
            assertThrows(NullPointerException.class, () -> pool.generateFrom(null));
            List<Job<Integer, Integer>> withNull = new ArrayList<>(Jobs.doubling(3));
            withNull.add(1, null);
            NullPointerException nullJob = assertThrows(NullPointerException.class, () -> pool.generateFrom(withNull));
            assertEquals("job 1 of the batch is null", nullJob.getMessage());
            assertThrows(NullPointerException.class, () -> pool.run(null));
            assertThrows(NullPointerException.class, () -> pool.poll(null));

            pool.generateFrom(Jobs.doubling(3));
            IllegalStateException twice = assertThrows(IllegalStateException.class,
                    () -> pool.generateFrom(Jobs.doubling(3)));
            assertTrue(twice.getMessage().contains("already has a batch"), twice.getMessage());
            pool.run(Context.background());
            assertThrows(IllegalStateException.class, () -> pool.run(Context.background()));
        }
    }

    @Test
    void aClosedPoolRefusesNewWork() {
        WorkerPool<Integer, Integer> pool = new WorkerPool<>(2);
        pool.close();
        IllegalStateException feed = assertThrows(IllegalStateException.class,
                () -> pool.generateFrom(Jobs.doubling(1)));
        assertTrue(feed.getMessage().contains("is closed"), feed.getMessage());
        assertThrows(IllegalStateException.class, () -> pool.run(Context.background()));
    }

    @Test
    void theEndOfTheStreamIsSeenByEveryReaderAndEveryTime() throws InterruptedException {
        try (WorkerPool<Integer, Integer> pool = new WorkerPool<>(2)) {
            assertEquals(5, pool.runAll(Context.background(), Jobs.doubling(5)).size());
            assertTrue(pool.isClosed());
            assertTrue(pool.take().isEmpty());
            assertTrue(pool.poll(SHORT).isEmpty());
            assertFalse(pool.results().iterator().hasNext());
            assertEquals(0, pool.stream().count());
        }
    }

    @Test
    void concurrentReadersTogetherSeeEveryResultOnce() throws InterruptedException {
        int jobs = 200;
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<String> duplicates = Collections.synchronizedList(new ArrayList<>());
        try (WorkerPool<Integer, Integer> pool = new WorkerPool<>(3)) {
            pool.generateFrom(Jobs.doubling(jobs));
            pool.run(Context.background());
            TestThreads readers = new TestThreads("pool-test-reader");
            for (int i = 0; i < 3; i++) {
                readers.start(() -> {
                    for (Result<Integer> r : pool.results()) {
                        if (!seen.add(r.descriptor().id())) {
                            duplicates.add(r.descriptor().id());
                        }
                    }
                });
            }
            readers.joinAll();
        }
        assertEquals(List.of(), duplicates);
        assertEquals(jobs, seen.size());
    }

    @Test
    void doneFiresNoLaterThanTheStreamCloses() throws Exception {
        try (WorkerPool<Integer, Integer> pool = new WorkerPool<>(2)) {
            pool.generateFrom(Jobs.doubling(10));
            pool.run(Context.background());
            pool.readAll();
            assertTrue(pool.done().isDone());
            assertNull(pool.done().get());
        }
    }

    @Test
    void theTimelineRecordsEveryJobOnTheWorkerThatRanIt() throws InterruptedException {
        try (WorkerPool<Integer, Integer> pool = new WorkerPool<>(3)) {
            pool.runAll(Context.background(), Jobs.sleeping(9, Duration.ofMillis(1)));
            Timeline t = pool.timeline();
            assertEquals(3, t.workers());
            assertEquals(9, t.spans().size());
            Set<String> ids = new HashSet<>();
            for (Timeline.Span span : t.spans()) {
                assertTrue(span.worker() >= 0 && span.worker() < 3);
                assertTrue(span.ok());
                assertTrue(span.startNanos() >= 0);
                ids.add(span.job().id());
            }
            assertEquals(9, ids.size());
        }
    }

    @Test
    void workerThreadsCarryTheirPoolsName() throws InterruptedException {
        Set<String> names = ConcurrentHashMap.newKeySet();
        List<Job<Integer, Integer>> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            batch.add(Job.of(Integer.toString(i), "who", i, (ctx, n) -> {
                names.add(Thread.currentThread().getName());
                return n;
            }));
        }
        try (WorkerPool<Integer, Integer> pool = new WorkerPool<>(2, ThreadKind.VIRTUAL)) {
            pool.runAll(Context.background(), batch);
            for (String name : names) {
                assertTrue(name.startsWith(pool.name() + "-worker-"), name);
            }
            assertTrue(pool.toString().contains("virtual"));
        }
    }

    /**
     * The original's stress test: 10 jobs on 2 workers, many times, with random small delays,
     * alternating platform and virtual workers. A reader that reads until the stream is closed
     * must see all 10 results every time.
     */
    @Test
    void tenJobsOnTwoWorkersAlwaysYieldTenResultsUnderStress() throws InterruptedException {
        int runs = 2_000;
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        for (int run = 0; run < runs; run++) {
            List<Job<Integer, Integer>> batch = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                long delayNanos = random.nextInt(4) == 0 ? random.nextLong(SHORT.toNanos() / 200) : 0;
                batch.add(Job.of(Integer.toString(i), "double", i, (ctx, n) -> {
                    if (delayNanos > 0) {
                        LockSupport.parkNanos(delayNanos);
                    }
                    return 2 * n;
                }));
            }
            ThreadKind kind = run % 2 == 0 ? ThreadKind.PLATFORM : ThreadKind.VIRTUAL;
            try (WorkerPool<Integer, Integer> pool = new WorkerPool<>(2, kind)) {
                List<Result<Integer>> results = pool.runAll(Context.background(), batch);
                Set<String> ids = results.stream().map(r -> r.descriptor().id()).collect(Collectors.toSet());
                if (results.size() != 10 || ids.size() != 10) {
                    fail("run " + run + " (seed " + seed + ", " + kind + ") saw " + results);
                }
            }
        }
        assertEquals(0, WorkerPool.liveThreads());
    }

    @Test
    void pollAndCloseTakeDurationsBeyond292Years() throws InterruptedException {
        WorkerPool<Integer, Integer> pool = new WorkerPool<>(2);
        assertEquals(3, pool.runAll(Context.background(), Jobs.doubling(3)).size());
        assertTrue(pool.poll(Duration.ofSeconds(Long.MAX_VALUE)).isEmpty(), "the stream is closed");
        assertTrue(pool.poll(Duration.ofSeconds(Long.MIN_VALUE)).isEmpty());
        pool.close(Duration.ofSeconds(Long.MAX_VALUE));
        assertEquals("closed", pool.state());
    }
}
