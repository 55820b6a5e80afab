package course.pipeline;

import course.testing.Delays;
import course.testing.NoThreadsLeft;
import course.testing.TestThreads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelineRunTest {
    /** The one delay unit of this class. */
    static final Duration SHORT = Delays.SHORT;
    /** Long enough never to end by itself within a test. */
    static final Duration FOREVER = Duration.ofMinutes(5);

    @RegisterExtension
    static final NoThreadsLeft NO_THREADS_LEFT = new NoThreadsLeft(LiveThreads::awaitAtMost, LiveThreads::describe);

    private static Pipeline<Integer> stuck() {
        return Pipeline.range(1, 100).map("stuck", n -> {
            Thread.sleep(FOREVER);
            return n;
        }).workers(2);
    }

    @Test
    void iterationEndsWithNoSuchElementAfterTheLastResult() {
        try (PipelineRun<Integer> run = Pipeline.range(1, 3).map("x", n -> n).start()) {
            Iterator<Integer> it = run.iterator();
            assertEquals(1, it.next());
            assertEquals(2, it.next());
            assertEquals(3, it.next());
            assertFalse(it.hasNext());
            assertFalse(it.hasNext());
            assertThrows(NoSuchElementException.class, it::next);
            assertTrue(run.finished());
            assertFalse(run.stopped());
        }
    }

    @Test
    void aSecondIteratorCallFailsLoudly() {
        try (PipelineRun<Integer> run = Pipeline.range(1, 3).map("x", n -> n).start()) {
            for (int n : run) {
                assertTrue(n > 0);
            }
            IllegalStateException e = assertThrows(IllegalStateException.class, run::iterator);
            assertTrue(e.getMessage().contains("iterator() was already called"), e.getMessage());
        }
    }

    @Test
    void stagesBlockedOnFullQueuesWakeWhenTheRunIsCancelled() throws Exception {
        try (PipelineRun<Integer> run = Pipeline.range(1, Integer.MAX_VALUE).capacity(1)
                .map("x", n -> n).capacity(1).start()) {
            // nobody takes the results: the source and the stage soon wait on full queues
            Thread.sleep(SHORT);
            run.cancel();
            assertTrue(run.awaitTermination(LiveThreads.GRACE));
            assertThrows(CancellationException.class, run::toList);
        }
    }

    @Test
    void closingAFinishedRunDoesNotTurnItIntoACancellation() {
        PipelineRun<Integer> run = Pipeline.range(1, 5).start();
        assertEquals(List.of(1, 2, 3, 4, 5), run.toList());
        run.close();
        run.cancel();
        run.close();
        assertFalse(run.stopped());
    }

    @Test
    void closingAnUnfinishedRunCancelsItAndJoinsEveryThread() {
        PipelineRun<Integer> run = stuck().start();
        run.close();
        assertTrue(run.stopped());
        assertEquals(List.of(), Pipeline.liveThreads());
        assertThrows(CancellationException.class, run::toList);
    }

    @Test
    void cancelIsIdempotentAndCallableFromAnyThread() throws Exception {
        try (PipelineRun<Integer> run = stuck().start()) {
            TestThreads cancellers = new TestThreads("run-test-canceller");
            for (int i = 0; i < 4; i++) {
                cancellers.start(run::cancel);
            }
            cancellers.joinAll();
            assertTrue(run.awaitTermination(LiveThreads.GRACE));
            assertThrows(CancellationException.class, run::toList);
        }
    }

    @Test
    void awaitTerminationReportsFalseWhileStagesStillRun() throws Exception {
        try (PipelineRun<Integer> run = stuck().start()) {
            assertFalse(run.awaitTermination(SHORT));
            run.cancel();
            assertTrue(run.awaitTermination(LiveThreads.GRACE));
        }
    }

    @Test
    void anInterruptedConsumerCancelsTheRun() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        PipelineRun<Integer> run = stuck().start();
        TestThreads threads = new TestThreads("run-test-consumer");
        Thread consumer = threads.start(() -> {
            waiting.countDown();
            assertThrows(CancellationException.class, run::toList);
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt status must be kept");
        });
        waiting.await();
        Thread.sleep(SHORT);
        consumer.interrupt();
        threads.joinAll();
        assertTrue(run.stopped());
        run.close();
    }

    @Test
    void closingTheStreamClosesTheRun() {
        PipelineRun<Integer> run = Pipeline.range(1, Integer.MAX_VALUE).map("x", n -> n).start();
        try (Stream<Integer> results = run.stream()) {
            assertEquals(List.of(1, 2, 3), results.limit(3).toList());
        }
        assertTrue(run.stopped());
        assertEquals(List.of(), Pipeline.liveThreads());
    }

    @Test
    void aFailureIsThrownAgainOnEveryLaterCall() {
        try (PipelineRun<Integer> run = Pipeline.range(1, 10).<Integer>map("bad", n -> {
            throw new IllegalStateException("always");
        }).start()) {
            PipelineException first = assertThrows(PipelineException.class, run::toList);
            PipelineException second = assertThrows(PipelineException.class, () -> run.iterator().hasNext());
            assertEquals(first.getMessage(), second.getMessage());
            assertSame(first.getCause(), second.getCause());
        }
    }

    @Test
    void theStageNamesAreListedSourceFirst() {
        try (PipelineRun<Integer> run = Pipeline.from("ids", List.of(1)).map("a", n -> n).filter("b", n -> true).start()) {
            assertEquals(List.of("ids", "a", "b"), run.stageNames());
        }
    }

    @Test
    void awaitTerminationTakesDurationsBeyond292YearsAndNamesANullTimeout() throws Exception {
        try (PipelineRun<Integer> run = stuck().start()) {
            NullPointerException e = assertThrows(NullPointerException.class, () -> run.awaitTermination(null));
            assertEquals("timeout", e.getMessage());
            assertFalse(assertTimeoutPreemptively(Delays.LONG, () -> run.awaitTermination(Duration.ofSeconds(Long.MIN_VALUE))),
                    "the stages still run");
            run.cancel();
            assertTrue(run.awaitTermination(Duration.ofSeconds(Long.MAX_VALUE)));
        }
    }
}
