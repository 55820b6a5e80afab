package course.semaphore;

import course.concurrent.WaitPolicy;
import course.concurrent.internal.Join;
import course.testing.Delays;
import course.testing.TestThreads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoundedExecutorTest {
    /** The one delay of this class. */
    static final Duration SHORT = Delays.SHORT;
    /** A generous bound on cancellation promptness, the only timing this class asserts. */
    static final Duration CANCEL_BOUND = Delays.LONG;

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> new BoundedExecutor(0));
        assertThrows(IllegalArgumentException.class, () -> new BoundedExecutor(2, false, " "));
    }

    @Test
    void runningTasksNeverExceedTheBoundUnderStress() throws Exception {
        int bound = 3;
        InFlightProbe probe = new InFlightProbe("stress");
        Queue<Future<?>> futures = new ConcurrentLinkedQueue<>();
        try (BoundedExecutor exec = new BoundedExecutor(bound, false, "bx-stress")) {
            TestThreads submitters = new TestThreads("bx-submitter");
            for (int s = 0; s < 8; s++) {
                submitters.start(() -> {
                    for (int i = 0; i < 60; i++) {
                        int micros = ThreadLocalRandom.current().nextInt(400);
                        futures.add(exec.submit(() -> probe.run(() -> sleepMicros(micros))));
                    }
                });
            }
            submitters.joinAll();
            for (Future<?> f : futures) {
                f.get();
            }
            assertTrue(exec.peak() <= bound, "executor peak " + exec.peak());
            assertEquals(480, exec.started());
        }
        assertEquals(480, probe.entries());
        assertTrue(probe.peak() <= bound, "at most " + bound + " tasks at once, saw " + probe.peak());
    }

    @ParameterizedTest
    @EnumSource(WaitPolicy.class)
    void eitherWaitPolicyKeepsTheBoundAndRunsEveryTask(WaitPolicy policy) throws Exception {
        int bound = 2;
        InFlightProbe probe = new InFlightProbe("policy");
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int n = i;
            tasks.add(() -> probe.call(() -> n * 2));
        }
        try (BoundedExecutor exec = new BoundedExecutor(bound, false, "bx-policy", policy)) {
            assertEquals(policy, exec.waitPolicy());
            List<Integer> values = exec.runAll(tasks);
            for (int i = 0; i < 100; i++) {
                assertEquals(i * 2, values.get(i));
            }
        }
        assertTrue(probe.peak() <= bound, "at most " + bound + " tasks at once, saw " + probe.peak());
        try (BoundedExecutor exec = new BoundedExecutor(bound)) {
            assertEquals(WaitPolicy.DEFAULT, exec.waitPolicy(), "the default");
        }
        assertThrows(NullPointerException.class, () -> new BoundedExecutor(1, false, "bx-null", null));
    }

    @Test
    void everyTaskYieldsItsOwnValueInOrder() throws Exception {
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            tasks.add(() -> n * 2);
        }
        try (BoundedExecutor exec = new BoundedExecutor(4, true, "bx-order")) {
            List<Integer> values = exec.runAll(tasks);
            assertEquals(50, values.size());
            for (int i = 0; i < 50; i++) {
                assertEquals(i * 2, values.get(i));
            }
        }
    }

    @Test
    void aTaskExceptionReachesTheCallerThroughItsFuture() throws Exception {
        try (BoundedExecutor exec = new BoundedExecutor(2, false, "bx-fail")) {
            Future<Object> f = exec.submit(() -> {
                throw new IllegalArgumentException("wrong argument type");
            });
            ExecutionException e = assertThrows(ExecutionException.class, f::get);
            assertInstanceOf(IllegalArgumentException.class, e.getCause());
            assertEquals("wrong argument type", e.getCause().getMessage());
            assertEquals(1, exec.failures());
        }
    }

    @Test
    void runAllThrowsTheFirstFailureAndCancelsTheRest() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch secondStarted = new CountDownLatch(1);
        AtomicInteger interrupted = new AtomicInteger();
        List<Callable<String>> tasks = List.of(
                () -> {
                    secondStarted.await();         // fail only once the second task is running
                    throw new IllegalStateException("boom");
                },
                () -> {
                    secondStarted.countDown();
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        interrupted.incrementAndGet();
                        throw e;
                    }
                    return "never";
                });
        try (BoundedExecutor exec = new BoundedExecutor(2, false, "bx-runall")) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> exec.runAll(tasks));
            assertEquals("boom", e.getCause().getMessage());
        }
        assertEquals(1, interrupted.get(), "the unfinished task must be cancelled");
    }

    @Test
    void submitAfterShutdownIsRejectedWithItsReason() {
        BoundedExecutor exec = new BoundedExecutor(2, false, "bx-shut");
        exec.close();
        RejectedExecutionException e = assertThrows(RejectedExecutionException.class, () -> exec.submit(() -> 1));
        assertTrue(e.getMessage().contains("shut down"), e.getMessage());
    }

    @Test
    void aSubmitterWaitingForAPermitIsRejectedWhenTheExecutorShutsDown() throws Exception {
        CountDownLatch finish = new CountDownLatch(1);
        AtomicInteger rejected = new AtomicInteger();
        TestThreads threads = new TestThreads("bx-waiting");
        try (BoundedExecutor exec = new BoundedExecutor(1, false, "bx-waitshut")) {
            exec.submit(() -> {
                finish.await();
                return null;
            });
            threads.start(() -> {
                try {
                    exec.submit(() -> 2);
                } catch (RejectedExecutionException e) {
                    rejected.incrementAndGet();
                }
            });
            TestThreads.await("the second submitter waits for a permit", () -> exec.waiting() == 1);
            exec.shutdown();
            finish.countDown();
            threads.joinAll();
            assertEquals(1, exec.started());
        }
        assertEquals(1, rejected.get());
    }

    @Test
    void submitWithAMaximumWaitRejectsWhenNoPermitFreesUp() throws Exception {
        CountDownLatch finish = new CountDownLatch(1);
        try (BoundedExecutor exec = new BoundedExecutor(1, false, "bx-maxwait")) {
            exec.submit(() -> {
                finish.await();
                return null;
            });
            RejectedExecutionException e = assertThrows(RejectedExecutionException.class,
                    () -> exec.submit(() -> 2, SHORT));
            assertTrue(e.getMessage().contains("no permit"), e.getMessage());
            finish.countDown();
            assertEquals(2, exec.submit(() -> 2, Delays.LONG).get());
        }
    }

    @Test
    void submitIsInterruptibleWhileWaitingAndStartsNothing() throws Exception {
        CountDownLatch finish = new CountDownLatch(1);
        AtomicInteger interrupted = new AtomicInteger();
        AtomicInteger ran = new AtomicInteger();
        TestThreads threads = new TestThreads("bx-interrupt");
        try (BoundedExecutor exec = new BoundedExecutor(1, false, "bx-int")) {
            exec.submit(() -> {
                finish.await();
                return null;
            });
            Thread submitter = threads.start(() -> {
                try {
                    exec.submit(ran::incrementAndGet);
                } catch (InterruptedException e) {
                    interrupted.incrementAndGet();
                }
            });
            TestThreads.await("the submitter waits for a permit", () -> exec.waiting() == 1);
            submitter.interrupt();
            threads.joinAll();
            finish.countDown();
        }
        assertEquals(1, interrupted.get());
        assertEquals(0, ran.get());
    }

    @Test
    void aCancelledTaskKeepsItsPermitUntilItsBodyReturns() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        try (BoundedExecutor exec = new BoundedExecutor(1, false, "bx-stubborn")) {
            Future<?> stubborn = exec.submit(stubborn(started, finish));
            started.await();
            assertTrue(stubborn.cancel(true));
            assertTrue(stubborn.isDone());
            assertEquals(1, exec.running(), "the cancelled body is still running");
            assertThrows(RejectedExecutionException.class, () -> exec.submit(() -> 2, SHORT),
                    "no second task may start while the first still runs");
            finish.countDown();
            assertEquals(2, exec.submit(() -> 2).get());
            assertEquals(0, exec.failures(), "a cancellation is not a failure");
        }
    }

    @Test
    void shutdownNowCancelsRunningTasksPromptly() throws Exception {
        int tasks = 4;
        CountDownLatch allStarted = new CountDownLatch(tasks);
        List<Future<?>> futures = new ArrayList<>();
        BoundedExecutor exec = new BoundedExecutor(tasks, false, "bx-now");
        for (int i = 0; i < tasks; i++) {
            futures.add(exec.submit(() -> {
                allStarted.countDown();
                Thread.sleep(Duration.ofMinutes(5));
                return null;
            }));
        }
        allStarted.await();
        long start = System.nanoTime();
        assertEquals(tasks, exec.shutdownNow());
        assertTrue(exec.awaitTermination(CANCEL_BOUND), "tasks must stop within " + CANCEL_BOUND);
        assertTrue(System.nanoTime() - start < CANCEL_BOUND.toNanos());
        for (Future<?> f : futures) {
            assertTrue(f.isCancelled());
        }
        assertEquals(0, exec.running());
    }

    @Test
    void closeLeavesNoThreadBehind() throws Exception {
        Queue<Thread> seen = new ConcurrentLinkedQueue<>();
        try (BoundedExecutor exec = new BoundedExecutor(3, false, "bx-leak")) {
            for (int i = 0; i < 40; i++) {
                exec.submit(() -> {
                    seen.add(Thread.currentThread());
                    sleepMicros(ThreadLocalRandom.current().nextInt(300));
                });
            }
        }
        assertEquals(40, seen.size());
        for (Thread t : seen) {
            assertTrue(t.isVirtual());
            assertTrue(t.getName().startsWith("bx-leak-"), t.getName());
        }
        TestThreads.assertAllTerminated(seen);
    }

    @Test
    void closeWhenInterruptedCancelsTheTasksAndKeepsTheInterrupt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger cancelled = new AtomicInteger();
        BoundedExecutor exec = new BoundedExecutor(1, false, "bx-closeint");
        exec.submit(() -> {
            started.countDown();
            try {
                Thread.sleep(Duration.ofMinutes(5));
            } catch (InterruptedException e) {
                cancelled.incrementAndGet();
            }
            return null;
        });
        started.await();
        boolean[] keptInterrupt = new boolean[1];
        TestThreads threads = new TestThreads("bx-closer");
        Thread closer = threads.start(() -> {
            exec.close();
            keptInterrupt[0] = Thread.currentThread().isInterrupted();
        });
        TestThreads.await("close is waiting", () -> closer.getState() == Thread.State.TIMED_WAITING
                || closer.getState() == Thread.State.WAITING);
        closer.interrupt();
        threads.joinAll();
        assertEquals(1, cancelled.get());
        assertTrue(keptInterrupt[0]);
        assertTrue(exec.awaitTermination(Duration.ZERO));
    }

    @Test
    void closeGivesUpAfterItsGraceNamingTheThreadLeft() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        BoundedExecutor exec = new BoundedExecutor(1, false, "bx-grace");
        exec.submit(stubborn(started, finish));
        started.await();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> exec.close(SHORT));
        assertTrue(e.getMessage().contains("bx-grace-1"), e.getMessage());
        assertTrue(exec.isShutdown());
        assertEquals(1, exec.running(), "the task keeps its permit until it returns");
        finish.countDown();
        assertTrue(exec.awaitTermination(Delays.LONG));
        assertEquals(0, exec.running());
        assertEquals(BoundedExecutor.CLOSE_GRACE, Join.CLOSE_GRACE, "close() waits the course's one grace");
    }

    /** A task that says it has started, then ignores interruption until {@code finish} opens: one slow to stop. */
    private static Callable<Void> stubborn(CountDownLatch started, CountDownLatch finish) {
        return () -> {
            started.countDown();
            while (true) {
                try {
                    finish.await();
                    return null;
                } catch (InterruptedException ignored) {
                    // keep going
                }
            }
        };
    }

    private static void sleepMicros(int micros) {
        try {
            TimeUnit.MICROSECONDS.sleep(micros);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void durationsBeyond292YearsSaturateInsteadOfOverflowing() throws Exception {
        Duration huge = Duration.ofSeconds(Long.MAX_VALUE);
        Duration hugeNegative = Duration.ofSeconds(Long.MIN_VALUE);
        CountDownLatch finish = new CountDownLatch(1);
        try (BoundedExecutor exec = new BoundedExecutor(1, false, "bx-huge")) {
            assertEquals(2, exec.submit(() -> 2, huge).get());
            Future<?> blocker = exec.submit(() -> {
                finish.await();
                return null;
            });
            assertThrows(RejectedExecutionException.class, () -> assertTimeoutPreemptively(Delays.LONG,
                    () -> exec.submit(() -> 3, hugeNegative)), "no permit is free");
            assertFalse(assertTimeoutPreemptively(Delays.LONG, () -> exec.awaitTermination(hugeNegative)));
            finish.countDown();
            blocker.get();
            exec.shutdown();
            assertTrue(exec.awaitTermination(huge));
        }
    }
}
