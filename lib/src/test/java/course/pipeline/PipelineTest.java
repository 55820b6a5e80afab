package course.pipeline;

import course.concurrent.CancelledException;
import course.concurrent.Context;
import course.concurrent.DeadlineExceededException;
import course.concurrent.ThreadKind;
import course.concurrent.WaitPolicy;
import course.testing.Delays;
import course.testing.NoThreadsLeft;
import course.testing.TestThreads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelineTest {
    /** The one delay unit of this class; every sleep is a small multiple of it. */
    static final Duration SHORT = Delays.SHORT.dividedBy(10);
    /** A bound for whole runs that should take milliseconds: generous, only to catch deadlocks. */
    static final Duration DEADLOCK_BOUND = Delays.LONG;

    @RegisterExtension
    static final NoThreadsLeft NO_THREADS_LEFT = new NoThreadsLeft(LiveThreads::awaitAtMost, LiveThreads::describe);

    private static List<Integer> upTo(int n) {
        return IntStream.rangeClosed(1, n).boxed().toList();
    }

    private static <T extends Comparable<T>> List<T> sorted(List<T> items) {
        List<T> copy = new ArrayList<>(items);
        Collections.sort(copy);
        return copy;
    }

    private static void sleepRandomly(int maxUnits) throws InterruptedException {
        int units = ThreadLocalRandom.current().nextInt(maxUnits + 1);
        if (units > 0) {
            Thread.sleep(SHORT.multipliedBy(units).dividedBy(4));
        }
    }

    @Test
    void everyItemReachesTheSinkExactlyOnceUnlessFilteredOut() {
        List<Integer> results = Pipeline.range(1, 1_000)
                .map("double", n -> n * 2)
                .filter("no-tens", n -> n % 10 != 0)
                .map("half", n -> n / 2)
                .toList();
        List<Integer> expected = upTo(1_000).stream().filter(n -> (n * 2) % 10 != 0).toList();
        assertEquals(expected, results);
    }

    @ParameterizedTest
    @EnumSource(WaitPolicy.class)
    void eitherWaitPolicyDeliversEveryItemAndStopsOnCancel(WaitPolicy policy) {
        for (ThreadKind kind : ThreadKind.values()) {
            Pipeline<Integer> chain = Pipeline.range(1, 500).waitPolicy(policy).threads(kind)
                    .map("same", n -> n).workers(3).capacity(1)
                    .filter("all", n -> true);
            assertEquals(upTo(500), sorted(chain.toList()), kind + ", " + policy);
            try (PipelineRun<Integer> run = Pipeline.range(1, Integer.MAX_VALUE).waitPolicy(policy).threads(kind)
                    .map("same", n -> n).capacity(1).start()) {
                Iterator<Integer> results = run.iterator();
                assertEquals(1, results.next());
                run.cancel();
                assertThrows(CancellationException.class, results::hasNext);
            }
        }
    }

    @Test
    void aPipelineOfSingleWorkersKeepsTheInputOrder() {
        List<Integer> results = Pipeline.from(upTo(500)).map("same", n -> n).capacity(1).filter("all", n -> true).toList();
        assertEquals(upTo(500), results);
    }

    @Test
    void anEmptySourceEndsTheStreamWithNoResults() {
        assertEquals(List.of(), Pipeline.from(List.<Integer>of()).map("a", n -> n).workers(3).filter("b", n -> true).toList());
    }

    @Test
    void theEndOfTheStreamTravelsThroughEveryStageInOrder() {
        try (PipelineRun<Integer> run = Pipeline.range(1, 300)
                .map("a", n -> n).workers(3)
                .flatMap("b", n -> n % 2 == 0 ? List.of(n, n) : List.<Integer>of()).workers(2)
                .filter("c", n -> n % 4 == 0)
                .start()) {
            assertEquals(150, run.toList().size());
            assertTrue(run.finished());
            Metrics m = run.metrics();
            // Each stage consumed everything the previous one sent before the end arrived.
            for (int i = 1; i < m.stages().size(); i++) {
                assertEquals(m.stages().get(i - 1).out(), m.stages().get(i).in(), "stage " + m.stages().get(i).name());
            }
            assertEquals(300, m.stage("source").out());
            assertEquals(300, m.stage("b").out());
            assertEquals(150, m.stage("c").out());
        }
    }

    @Test
    void fanOutNeitherLosesNorDuplicatesItemsUnderRandomDelays() {
        for (int round = 0; round < 5; round++) {
            List<Integer> results = Pipeline.range(1, 400)
                    .map("jitter", n -> {
                        sleepRandomly(2);
                        return n;
                    }).workers(4).capacity(2)
                    .flatMap("twice", n -> List.of(n, -n)).workers(3)
                    .filter("positive", n -> n > 0).workers(2).capacity(1)
                    .toList();
            assertEquals(upTo(400), sorted(results), "round " + round);
        }
    }

    @Test
    void orderedFanOutKeepsTheInputOrder() {
        for (int round = 0; round < 3; round++) {
            List<Integer> results = Pipeline.range(1, 300)
                    .map("jitter", n -> {
                        sleepRandomly(2);
                        return n;
                    }).workers(4).ordered()
                    .flatMap("twice", n -> List.of(n, n)).workers(3).ordered()
                    .filter("all", n -> true).workers(2).ordered()
                    .toList();
            List<Integer> expected = upTo(300).stream().flatMap(n -> List.of(n, n).stream()).toList();
            assertEquals(expected, results, "round " + round);
        }
    }

    @Test
    void orderedFanOutKeepsTheOrderOfBatchedItems() {
        List<Integer> results = Pipeline.range(1, 500).batch(7)
                .map("jitter", n -> {
                    if (n % 50 == 0) {
                        Thread.sleep(SHORT);
                    }
                    return n;
                }).workers(3).ordered().batch(4)
                .toList();
        assertEquals(upTo(500), results);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 64, 1_000, 5_000})
    void batchingDeliversEveryItemExactlyOnce(int batch) {
        List<Integer> results = Pipeline.range(1, 1_000).batch(batch)
                .map("id", n -> n).workers(3).batch(batch)
                .filter("odd", n -> n % 2 == 1).workers(2).batch(batch)
                .flatMap("pair", n -> List.of(n, n + 1)).batch(batch)
                .toList();
        assertEquals(upTo(1_000), sorted(results));
    }

    @Test
    void aDefaultBatchAppliesToStagesThatSetNone() {
        try (PipelineRun<Integer> run = Pipeline.range(1, 100).map("id", n -> n).batch(3).filter("all", n -> true)
                .defaultBatch(10).start()) {
            assertEquals(upTo(100), run.toList());
        }
        assertTrue(Pipeline.range(1, 10).map("a", n -> n).defaultBatch(10).toString().contains("batch 10"));
    }

    @Test
    void capacityOneWithSlowConsumersDoesNotDeadlock() {
        List<Integer> results = assertTimeoutPreemptively(DEADLOCK_BOUND, () -> {
            List<Integer> out = new ArrayList<>();
            Pipeline.range(1, 200).defaultCapacity(1)
                    .map("fast", n -> n).workers(4)
                    .map("slow", n -> {
                        if (n % 10 == 0) {
                            Thread.sleep(SHORT);
                        }
                        return n;
                    }).workers(2)
                    .filter("all", n -> true).workers(3)
                    .forEach(n -> {
                        if (n % 20 == 0) {
                            sleepQuietly(SHORT);
                        }
                        out.add(n);
                    });
            return out;
        });
        assertEquals(upTo(200), sorted(results));
    }

    @Test
    void aFailingStageReportsTheFirstErrorWithTheStageNameAndItem() {
        PipelineException e = assertThrows(PipelineException.class, () -> Pipeline.range(1, 1_000)
                .map("fine", n -> n).workers(2)
                .map("profile", n -> {
                    if (n == 42) {
                        throw new IllegalStateException("no profile for 42");
                    }
                    return n;
                })
                .toList());
        assertEquals("profile", e.stage());
        assertEquals(42, e.item().orElseThrow());
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertEquals("stage 'profile' failed on item 42: java.lang.IllegalStateException: no profile for 42", e.getMessage());
    }

    @Test
    void exceptionsCausedByTheStopDoNotReplaceTheFirstError() {
        // 'sleepy' passes item 1 at once and sleeps a long time on the others; 'boom' fails on
        // item 1. The stop interrupts the sleepers, whose InterruptedExceptions must be ignored.
        long start = System.nanoTime();
        PipelineException e = assertThrows(PipelineException.class, () -> Pipeline.range(1, 100)
                .map("sleepy", n -> {
                    if (n > 1) {
                        Thread.sleep(DEADLOCK_BOUND.multipliedBy(2));
                    }
                    return n;
                }).workers(3)
                .map("boom", n -> {
                    throw new IllegalArgumentException("boom on " + n);
                })
                .toList());
        assertEquals("boom", e.stage());
        assertEquals("boom on 1", e.getCause().getMessage());
        assertTrue(System.nanoTime() - start < DEADLOCK_BOUND.toNanos(), "the sleepers were not cut short");
    }

    @Test
    void aFailureStopsAnEndlessSourceAndEveryStage() {
        // The run can only end by stopping the endless source; the check after each test
        // confirms that every thread is gone.
        AtomicInteger seenBySink = new AtomicInteger();
        PipelineException e = assertThrows(PipelineException.class, () -> Pipeline.range(1, Integer.MAX_VALUE)
                .map("a", n -> n).workers(2)
                .map("b", n -> {
                    if (n == 1_000) {
                        throw new IllegalStateException("stop here");
                    }
                    return n;
                }).workers(2)
                .forEach(n -> seenBySink.incrementAndGet()));
        assertEquals("b", e.stage());
        assertEquals(1_000, e.item().orElseThrow());
        assertTrue(seenBySink.get() > 0);
    }

    @Test
    void aFailingSourceIsReportedWithTheNumberOfItemsItSent() {
        Iterable<Integer> broken = () -> new Iterator<>() {
            private int sent;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                if (sent == 3) {
                    throw new IllegalStateException("disk on fire");
                }
                return ++sent;
            }
        };
        PipelineException e = assertThrows(PipelineException.class,
                () -> Pipeline.from("reader", broken).map("x", n -> n).toList());
        assertEquals("reader", e.stage());
        assertTrue(e.item().isEmpty());
        assertEquals("stage 'reader' failed after 3 items: java.lang.IllegalStateException: disk on fire", e.getMessage());
    }

    @Test
    void aNullResultFailsItsStage() {
        PipelineException e = assertThrows(PipelineException.class,
                () -> Pipeline.range(1, 10).map("nully", n -> n == 5 ? null : n).toList());
        assertEquals("nully", e.stage());
        assertEquals(5, e.item().orElseThrow());
        assertInstanceOf(NullPointerException.class, e.getCause());
    }

    @Test
    void cancellingMidStreamStopsPromptlyAndLeaksNoThread() throws Exception {
        for (boolean virtual : new boolean[]{false, true}) {
            Pipeline<Integer> endless = Pipeline.range(1, Integer.MAX_VALUE)
                    .map("lookup", n -> {
                        Thread.sleep(SHORT);
                        return n;
                    }).workers(4)
                    .filter("all", n -> true).workers(2);
            PipelineRun<Integer> run = (virtual ? endless.virtualThreads() : endless).start();
            int received = 0;
            Iterator<Integer> results = run.iterator();
            while (results.hasNext()) {
                results.next();
                if (++received == 10) {
                    break;
                }
            }
            long cancelled = System.nanoTime();
            run.cancel();
            assertTrue(run.awaitTermination(LiveThreads.GRACE), "threads still alive: " + LiveThreads.describe());
            long tookMillis = (System.nanoTime() - cancelled) / 1_000_000;
            assertTrue(tookMillis < LiveThreads.GRACE.toMillis(), "cancel took " + tookMillis + " ms");
            assertThrows(CancellationException.class, results::hasNext);
            run.close();
            assertEquals(List.of(), Pipeline.liveThreads(), "virtual=" + virtual);
            assertEquals(10, received);
        }
    }

    @Test
    void stagesStopEvenWhenAStepSwallowsTheInterrupt() throws Exception {
        for (boolean ordered : new boolean[]{false, true}) {
            Pipeline<Integer> stubborn = Pipeline.range(1, Integer.MAX_VALUE)
                    .map("stubborn", n -> {
                        try {
                            Thread.sleep(SHORT);
                        } catch (InterruptedException swallowed) {
                            // a careless step: the interrupt is lost here
                        }
                        return n;
                    }).workers(3).capacity(1);
            try (PipelineRun<Integer> run = (ordered ? stubborn.ordered() : stubborn).start()) {
                Iterator<Integer> it = run.iterator();
                for (int i = 0; i < 10; i++) {
                    it.next();
                }
                run.cancel();
                assertTrue(run.awaitTermination(LiveThreads.GRACE), "ordered=" + ordered + ": " + LiveThreads.describe());
            }
        }
    }

    @Test
    void cancellingFromAnotherThreadEndsTheConsumersWaitWithACancellation() throws Exception {
        try (PipelineRun<Integer> run = Pipeline.range(1, 10).map("stuck", n -> {
            Thread.sleep(DEADLOCK_BOUND.multipliedBy(2));
            return n;
        }).start()) {
            TestThreads threads = new TestThreads("pipeline-test-canceller");
            threads.start(() -> {
                Thread.sleep(SHORT.multipliedBy(10));
                run.cancel();
            });
            long start = System.nanoTime();
            assertThrows(CancellationException.class, run::toList);
            threads.joinAll();
            assertTrue(System.nanoTime() - start < DEADLOCK_BOUND.toNanos());
        }
    }

    @Test
    void aContextDeadlineCancelsTheRunWithTheContextsCause() {
        Context ctx = Context.background().withTimeout(SHORT.multipliedBy(10));
        try {
            CancellationException e = assertThrows(CancellationException.class, () -> Pipeline.range(1, Integer.MAX_VALUE)
                    .map("slow", n -> {
                        Thread.sleep(SHORT);
                        return n;
                    }).workers(2)
                    .toList(ctx));
            assertInstanceOf(DeadlineExceededException.class, e.getCause());
            assertEquals("the pipeline was cancelled: context deadline exceeded", e.getMessage());
        } finally {
            ctx.cancel();
        }
    }

    @Test
    void cancellingTheContextStopsTheRun() throws Exception {
        Context ctx = Context.background().withCancel();
        try (PipelineRun<Integer> run = Pipeline.range(1, Integer.MAX_VALUE).map("a", n -> n).start(ctx)) {
            assertEquals(1, run.iterator().next());
            ctx.cancel();
            assertTrue(run.awaitTermination(LiveThreads.GRACE));
            CancellationException e = assertThrows(CancellationException.class, run::toList);
            assertInstanceOf(CancelledException.class, e.getCause());
        }
    }

    @Test
    void aContextThatIsAlreadyDoneStopsTheRunAtOnce() {
        Context ctx = Context.background().withCancel();
        ctx.cancel();
        assertThrows(CancellationException.class, () -> Pipeline.range(1, 10).map("a", n -> n).toList(ctx));
    }

    @Test
    void eachStageRunsOnThreadsNamedAfterIt() {
        Set<String> names = ConcurrentHashMap.newKeySet();
        Pipeline.range(1, 200).map("user", n -> {
            names.add(Thread.currentThread().getName());
            Thread.sleep(0, 100_000);
            return n;
        }).workers(3).toList();
        assertFalse(names.isEmpty());
        for (String name : names) {
            assertTrue(name.matches("pipeline-user-[123]"), name);
        }
    }

    @Test
    void virtualThreadsAreUsedWhenAsked() {
        Set<Boolean> virtual = ConcurrentHashMap.newKeySet();
        Pipeline.range(1, 20).map("v", n -> virtual.add(Thread.currentThread().isVirtual())).virtualThreads().toList();
        assertEquals(Set.of(true), virtual);
        virtual.clear();
        Pipeline.range(1, 20).map("p", n -> virtual.add(Thread.currentThread().isVirtual())).toList();
        assertEquals(Set.of(false), virtual);
        virtual.clear();
        Pipeline.range(1, 20).map("k", n -> virtual.add(Thread.currentThread().isVirtual())).threads(ThreadKind.VIRTUAL).toList();
        assertEquals(Set.of(true), virtual);
    }

    @Test
    void forEachCancelsThePipelineWhenTheActionThrows() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Pipeline.range(1, Integer.MAX_VALUE)
                .map("a", n -> n).workers(2)
                .forEach(n -> {
                    if (n == 100) {
                        throw new IllegalStateException("consumer gave up");
                    }
                }));
        assertEquals("consumer gave up", e.getMessage());
    }

    @Test
    void aDescriptionIsImmutableAndCanBeReused() {
        Pipeline<Integer> base = Pipeline.range(1, 10).map("a", n -> n);
        Pipeline<Integer> wide = base.workers(4);
        Pipeline<String> longer = base.map("b", n -> "#" + n);
        assertEquals("source -> a", base.toString());
        assertEquals("source -> a[x4]", wide.toString());
        assertEquals(List.of("source", "a", "b"), longer.stageNames());
        assertEquals(10, base.toList().size());
        assertEquals(10, base.toList().size());
        assertEquals("#1", longer.toList().getFirst());
    }

    @Test
    void aBoundedQueueNeverHoldsMoreThanItsCapacity() {
        try (PipelineRun<Integer> run = Pipeline.range(1, 2_000).capacity(3).map("slowish", n -> {
            if (n % 100 == 0) {
                Thread.sleep(SHORT);
            }
            return n;
        }).capacity(2).sampleEvery(Duration.ofMillis(1)).start()) {
            assertEquals(2_000, run.toList().size());
            Metrics m = run.metrics();
            assertTrue(m.stage("source").peakDepth() <= 3, m.toString());
            assertTrue(m.stage("slowish").peakDepth() <= 2, m.toString());
            assertTrue(m.samples() > 0);
        }
    }

    @Test
    void anUnboundedQueueGrowsPastAnyBoundWhileTheConsumerStalls() throws InterruptedException {
        try (PipelineRun<Integer> run = Pipeline.range(1, Integer.MAX_VALUE).unbounded()
                .map("stalled", n -> {
                    Thread.sleep(DEADLOCK_BOUND.multipliedBy(2));
                    return n;
                }).sampleEvery(Duration.ofMillis(1)).start()) {
            long deadline = System.nanoTime() + DEADLOCK_BOUND.toNanos();
            while (run.metrics().stage("source").peakDepth() < 10_000 && System.nanoTime() < deadline) {
                Thread.sleep(SHORT);
            }
            assertTrue(run.metrics().stage("source").peakDepth() >= 10_000, run.metrics().toString());
            assertEquals(-1, run.metrics().stage("source").capacity());
        }
    }

    @Test
    void badArgumentsAreRejectedWithClearMessages() {
        Pipeline<Integer> p = Pipeline.range(1, 3).map("a", n -> n);
        assertMessage("workers must be at least 1, got 0 for stage 'a'", () -> p.workers(0));
        assertMessage("capacity must be at least 1, got 0 for stage 'a' (use unbounded() to demonstrate a queue without a bound)",
                () -> p.capacity(0));
        assertMessage("batch size must be at least 1, got -2 for stage 'a'", () -> p.batch(-2));
        assertMessage("stage name 'a' is already used by stage 2 of [source, a]; every stage needs its own name",
                () -> p.map("a", n -> n));
        assertMessage("stage name must not be blank", () -> p.filter(" ", n -> true));
        assertMessage("stage name ' a' must not start or end with spaces or hold control characters", () -> p.map(" a", n -> n));
        assertMessage("the source 'source' runs on one thread; workers(2) applies to map, filter and flatMap stages",
                () -> Pipeline.range(1, 3).workers(2));
        assertMessage("the source 'source' is always in order; ordered() applies to map, filter and flatMap stages",
                () -> Pipeline.range(1, 3).ordered());
        assertMessage("range 5..3 runs backwards", () -> Pipeline.range(5, 3));
        assertMessage("default capacity must be at least 1, got 0", () -> p.defaultCapacity(0));
        assertMessage("default batch size must be at least 1, got 0", () -> p.defaultBatch(0));
        assertMessage("sampling interval must be positive, got PT0S", () -> p.sampleEvery(Duration.ZERO));
        NullPointerException npe = assertThrows(NullPointerException.class, () -> p.map("b", null));
        assertEquals("step of stage 'b'", npe.getMessage());
        assertEquals("items of source 'source'", assertThrows(NullPointerException.class,
                () -> Pipeline.from((List<Integer>) null)).getMessage());
        assertEquals(List.of(), Pipeline.range(3, 2).toList());
    }

    private static void assertMessage(String expected, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(expected, e.getMessage());
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theBuilderDefaultsApplyOnlyWhereAStageSetsNothing() {
        Pipeline<Integer> p = Pipeline.range(1, 5).map("a", n -> n).capacity(2).map("b", n -> n).defaultCapacity(7);
        assertEquals("source -> a[capacity 2] -> b", p.toString());
        try (PipelineRun<Integer> run = p.start()) {
            run.toList();
            assertEquals(7, run.metrics().stage("source").capacity());
            assertEquals(2, run.metrics().stage("a").capacity());
            assertEquals(7, run.metrics().stage("b").capacity());
        }
    }
}
