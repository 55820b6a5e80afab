package course.stress;

import course.semaphore.BoundedExecutor;
import course.testing.Delays;
import course.testing.TestThreads;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Chapter 2's {@link BoundedExecutor}: submitters that submit tasks (sleeping, spinning,
 * failing) with and without a maximum wait, ended by completing, {@code shutdownNow} or
 * {@code shutdown} at a random moment. Checks that running tasks never exceed the bound, that
 * every accepted task's future ends with its value, its exception or its cancellation, that
 * {@code awaitTermination} returns and every task thread has ended, and that only a shutdown
 * or a full executor rejects a task.
 */
final class ExecutorScenario implements Scenario {
    /** How a run ends. */
    enum Ending { COMPLETE, SHUTDOWN_NOW, SHUTDOWN }

    /** A task's value, so that a wrong one shows. */
    private record Value(int submitter, int task) {
    }

    /** An accepted task: the value it must yield, and its future. */
    private record Accepted(Value value, Future<Value> future) {
    }

    @Override
    public String name() {
        return "bounded-executor";
    }

    @Override
    public void run(SplittableRandom random, Outcome out) throws InterruptedException {
        int bound = random.nextInt(1, 5);
        boolean fair = random.nextBoolean();
        int submitters = random.nextInt(1, 4);
        int tasks = random.nextInt(1, 25);
        Ending ending = Ending.values()[random.nextInt(Ending.values().length)];
        long stopAfterNanos = random.nextLong(2_000_000);
        out.settings("bound " + bound + (fair ? " fair" : "") + ", " + submitters + " submitters of " + tasks
                + " tasks, " + ending + (ending == Ending.COMPLETE ? "" : " after " + stopAfterNanos / 1000 + " µs"));

        BoundedExecutor executor = new BoundedExecutor(bound, fair, "stress-executor");
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Set<Thread> taskThreads = ConcurrentHashMap.newKeySet();
        List<Accepted> accepted = new CopyOnWriteArrayList<>();
        TestThreads threads = new TestThreads("stress-submitter");
        for (int s = 0; s < submitters; s++) {
            int submitter = s;
            SplittableRandom mine = random.split();
            threads.start(() -> {
                for (int t = 0; t < tasks; t++) {
                    Value value = new Value(submitter, t);
                    int work = mine.nextInt(10);
                    long pause = mine.nextLong(300_000);
                    boolean timed = mine.nextBoolean();
                    try {
                        Future<Value> f = timed
                                ? executor.submit(() -> task(value, work, pause, running, most, taskThreads),
                                        mine.nextBoolean() ? Duration.ofSeconds(Long.MAX_VALUE) : Duration.ofNanos(pause))
                                : executor.submit(() -> task(value, work, pause, running, most, taskThreads));
                        accepted.add(new Accepted(value, f));
                    } catch (RejectedExecutionException e) {
                        if (!timed && !executor.isShutdown()) {
                            throw new AssertionError("rejected while open and without a maximum wait", e);
                        }
                    }
                }
            });
        }
        long stopAt = 0;
        boolean stopped = false;
        if (ending != Ending.COMPLETE) {
            LockSupport.parkNanos(stopAfterNanos);
            stopAt = System.nanoTime();
            stopped = executor.running() > 0 || executor.waiting() > 0;
            if (ending == Ending.SHUTDOWN_NOW) {
                executor.shutdownNow();
            } else {
                executor.shutdown();
            }
        }
        try {
            threads.joinAll();
        } catch (AssertionError e) {
            out.violation(e.getMessage());
        }
        executor.shutdown();
        boolean ended = executor.awaitTermination(Delays.LONG);
        out.check(ended, "awaitTermination timed out: " + executor);
        if (stopped && ending == Ending.SHUTDOWN_NOW) {
            out.stopLatency(System.nanoTime() - stopAt);
        }
        executor.close();
        out.check(most.get() <= bound, most.get() + " tasks ran at once with a bound of " + bound);
        out.check(executor.peak() <= bound, "peak " + executor.peak() + " over the bound " + bound);
        out.check(executor.started() == accepted.size(), executor.started() + " tasks started but "
                + accepted.size() + " accepted");
        for (Accepted a : accepted) {
            Future<Value> f = a.future();
            out.check(f.isDone(), "a future is not done after awaitTermination");
            if (!f.isDone()) {
                continue;
            }
            try {
                out.check(f.get().equals(a.value()), "a task yielded " + f.get() + " for " + a.value());
            } catch (ExecutionException e) {
                boolean ours = e.getCause() instanceof IllegalStateException
                        || (ending == Ending.SHUTDOWN_NOW && e.getCause() instanceof InterruptedException);
                out.check(ours, "a task failed unexpectedly: " + e.getCause());
            } catch (CancellationException e) {
                out.check(ending == Ending.SHUTDOWN_NOW, "a task was cancelled though nobody cancelled it");
            }
        }
        for (Thread t : taskThreads) {
            out.check(!t.isAlive(), "task thread " + t + " outlived awaitTermination");
        }
    }

    private static Value task(Value value, int work, long pauseNanos, AtomicInteger running, AtomicInteger most,
                              Set<Thread> taskThreads) throws InterruptedException {
        taskThreads.add(Thread.currentThread());
        most.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            if (work == 0) {
                throw new IllegalStateException("stress failure " + value);
            } else if (work < 4) {
                Thread.sleep(Duration.ofNanos(pauseNanos));   // honours an interrupt
            } else if (work < 6) {
                LockSupport.parkNanos(pauseNanos / 10);        // ignores one
            }
            return value;
        } finally {
            running.decrementAndGet();
        }
    }
}
