package course.semaphore;

import course.concurrent.WaitPolicy;
import course.concurrent.internal.Durations;
import course.concurrent.internal.Handoff;
import course.concurrent.internal.Join;
import course.concurrent.internal.Uninterruptibly;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs each task on its own virtual thread, never more than {@code bound} at once: the JDK's
 * {@link Executors#newThreadPerTaskExecutor thread-per-task executor} makes and starts the
 * threads, and a {@link Semaphore} holds the bound. This is the modern form of the
 * semaphore-bounded executor of <i>Java Concurrency in Practice</i> (listing 8.4, see
 * {@link NaiveBoundedExecutor}), without its two faults.
 *
 * <p>With virtual threads, threads are cheap and a pool of them is pointless; what needs a
 * limit is the thing the tasks use (connections, file handles, a rate-limited service).
 * So each task gets a fresh virtual thread, and a permit bounds how many run at once.
 *
 * <ul>
 *   <li><b>The bound is exact.</b> {@link #submit(Callable)} takes a permit before it hands the
 *       task to a thread, and the thread gives the permit back only after the task's body has
 *       returned, as its very last step, exactly once. So the number of task bodies running
 *       never exceeds the bound. A cancelled task keeps its permit until its body really
 *       stops: a future that completes early (as one does on {@code cancel}) does not let
 *       another task in while the first still runs.</li>
 *   <li><b>Backpressure.</b> When all permits are taken, {@code submit} blocks the caller
 *       (interruptibly), so a fast producer cannot pile up unbounded work.
 *       {@link #submit(Callable, Duration)} waits at most a given time and then rejects.</li>
 *   <li><b>Nothing is swallowed.</b> A rejection (after {@link #shutdown()}, or when no
 *       permit frees up in time, or no thread could start) is thrown to the submitter as a
 *       {@link RejectedExecutionException} naming the reason, and the permit goes back. A
 *       task's exception is kept in its {@link Future}; {@link Future#get()} throws it
 *       wrapped in an {@link ExecutionException}, and {@link #failures()} counts them.</li>
 *   <li><b>Cancellable.</b> {@link Future#cancel(boolean) cancel(true)} interrupts the task's
 *       thread; {@link #shutdownNow()} cancels every running task.</li>
 *   <li><b>No thread left behind, and a bounded close.</b> {@link #close()} stops new
 *       submissions and lets the running tasks finish, then waits until every thread has
 *       ended. Unlike {@link ExecutorService#close()}, which waits for ever, it waits at most
 *       {@link #CLOSE_GRACE}, the grace of every close in the course (pools, pipeline runs),
 *       and then gives up with an exception naming the threads left; {@link #close(Duration)}
 *       takes another grace. If the closing thread is interrupted, it cancels the tasks, goes on
 *       waiting, and restores the interrupt.</li>
 * </ul>
 *
 * <p>Settings: the bound, the semaphore's fairness (a fair semaphore hands permits out in
 * arrival order; a non-fair one lets a newcomer barge in, which is faster under contention),
 * a name that prefixes its threads' names ({@code name-1}, {@code name-2}, ...), and how a
 * submitter waits for a permit ({@link WaitPolicy}: {@link WaitPolicy#SPIN_THEN_PARK} unless
 * given, under which a platform-thread submitter yields its core a few times before it blocks
 * in the semaphore; {@link WaitPolicy#PARK} blocks at once; a virtual-thread submitter always
 * blocks at once). The tasks always run on virtual threads.
 *
 * <pre>{@code
 * try (BoundedExecutor exec = new BoundedExecutor(4)) {        // at most 4 downloads at once
 *     List<Future<byte[]>> pages = new ArrayList<>();
 *     for (URI uri : uris) {
 *         pages.add(exec.submit(() -> download(uri)));       // blocks while 4 are running
 *     }
 *     for (Future<byte[]> page : pages) {
 *         save(page.get());                                    // a failed download throws here
 *     }
 * }                                                            // every thread has ended
 * }</pre>
 */
public final class BoundedExecutor implements AutoCloseable {
    /** How long {@link #close()} waits for the tasks to finish: the course's one grace. */
    public static final Duration CLOSE_GRACE = Join.CLOSE_GRACE;

    private final String name;
    private final int bound;
    /** How a submitter waits for a permit. */
    private final WaitPolicy waitPolicy;
    /** One permit per task that may run; a permit is held from just before a task is handed to its thread until its body returns. */
    private final Semaphore permits;
    /**
     * Makes one named virtual thread per task and starts it; holds the shut-down state. It calls
     * itself terminated once shut down with every task returned, a moment before the last
     * threads have exited, so {@link #awaitTermination} joins them too.
     */
    private final ExecutorService threads;
    /**
     * Every accepted task whose thread may still be alive, for {@link #shutdownNow()} to cancel
     * and {@link #awaitTermination} to join. Those whose thread has ended are dropped now and then.
     */
    private final Set<BoundedTask<?>> tasks = ConcurrentHashMap.newKeySet();
    /** Tasks whose body has not returned. Never exceeds `bound`: up only with a permit held, down before its release. */
    private final AtomicInteger running = new AtomicInteger();
    /** The largest value `running` has had. Only increases, never above `bound`. */
    private final AtomicInteger peak = new AtomicInteger();
    /** Tasks handed to a thread. Only increases, but for a moment while a failed start is undone. */
    private final AtomicLong started = new AtomicLong();
    /** Tasks that ended by throwing. Only increases. */
    private final AtomicLong failures = new AtomicLong();

    /**
     * Creates a non-fair executor named {@code bounded}.
     *
     * @throws IllegalArgumentException when {@code bound} is not positive
     */
    public BoundedExecutor(int bound) {
        this(bound, false, "bounded");
    }

    /**
     * Creates an executor whose submitters wait for a permit as {@link WaitPolicy#DEFAULT} says:
     * see {@link #BoundedExecutor(int, boolean, String, WaitPolicy)}.
     */
    public BoundedExecutor(int bound, boolean fair, String name) {
        this(bound, fair, name, WaitPolicy.DEFAULT);
    }

    /**
     * Creates an executor whose submitters wait for a permit as {@code waitPolicy} says.
     *
     * @param bound the most tasks that may run at once
     * @param fair  whether waiting submitters get permits in arrival order
     * @param name  the prefix of its threads' names
     * @param waitPolicy how a submitter waits for a permit
     * @throws IllegalArgumentException when {@code bound} is not positive or the name is blank
     * @throws NullPointerException     when {@code name} or {@code waitPolicy} is null
     */
    public BoundedExecutor(int bound, boolean fair, String name, WaitPolicy waitPolicy) {
        if (bound <= 0) {
            throw new IllegalArgumentException("the bound must be positive, got " + bound);
        }
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("the executor needs a name for its threads");
        }
        this.bound = bound;
        this.name = name;
        this.waitPolicy = Objects.requireNonNull(waitPolicy, "waitPolicy");
        this.permits = new Semaphore(bound, fair);
        this.threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(name + "-", 1).factory());
    }

    /**
     * Starts {@code task} on a new virtual thread as soon as a permit is free, waiting for
     * one while {@link #bound()} tasks are running.
     *
     * @return the task's future: its value, its exception, or its cancellation
     * @throws InterruptedException       when interrupted while waiting for a permit; the
     *                                    task is then not started
     * @throws RejectedExecutionException when the executor is shut down, before or while
     *                                    waiting, or no thread could be started
     */
    public <T> Future<T> submit(Callable<T> task) throws InterruptedException {
        Objects.requireNonNull(task, "task");
        rejectIfShutdown();
        acquirePermit();
        return start(task);
    }

    /**
     * Like {@link #submit(Callable)}, but waits at most {@code maxWait} for a permit (beyond
     * 292 years, as long as it takes; zero or negative, not at all).
     *
     * @throws RejectedExecutionException when no permit freed up within {@code maxWait},
     *                                    or the executor is shut down
     * @throws InterruptedException       when interrupted while waiting for a permit
     */
    public <T> Future<T> submit(Callable<T> task, Duration maxWait) throws InterruptedException {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(maxWait, "maxWait");
        rejectIfShutdown();
        if (!permits.tryAcquire(Durations.nanos(maxWait), TimeUnit.NANOSECONDS)) {
            throw new RejectedExecutionException("executor '" + name + "': no permit freed up within "
                    + maxWait + " (all " + bound + " in use); task rejected");
        }
        return start(task);
    }

    /** Like {@link #submit(Callable)} for a task with no value; its future yields {@code null}. */
    public Future<?> submit(Runnable task) throws InterruptedException {
        Objects.requireNonNull(task, "task");
        return submit(Executors.callable(task));
    }

    /**
     * Runs every task, at most {@link #bound()} at once, and returns their values in order.
     * If one fails, the tasks not yet finished are cancelled and its exception is thrown.
     *
     * @throws ExecutionException   wrapping the first failure, in list order
     * @throws InterruptedException when interrupted; the tasks are then cancelled
     */
    public <T> List<T> runAll(List<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        Objects.requireNonNull(tasks, "tasks");
        List<Future<T>> futures = new ArrayList<>(tasks.size());
        boolean finished = false;
        try {
            for (Callable<T> task : tasks) {
                futures.add(submit(task));
            }
            List<T> values = new ArrayList<>(tasks.size());
            for (Future<T> future : futures) {
                values.add(future.get());
            }
            finished = true;
            return values;
        } finally {
            if (!finished) {
                futures.forEach(f -> f.cancel(true));
            }
        }
    }

    /**
     * Stops accepting tasks. Running tasks go on; submitters waiting for a permit are
     * rejected when they get one. Idempotent.
     */
    public void shutdown() {
        threads.shutdown();
    }

    /**
     * Stops accepting tasks and cancels (interrupts) every running task.
     *
     * @return how many tasks this call cancelled
     */
    public int shutdownNow() {
        threads.shutdown();                 // first, so that no task starts while we cancel
        int cancelled = 0;
        for (BoundedTask<?> task : tasks) {
            if (task.cancel(true)) {        // false for a task already done or cancelled
                cancelled++;
            }
        }
        return cancelled;
    }

    /**
     * Waits until the executor is shut down, no task is running and every thread it
     * started has terminated. A timeout beyond 292 years waits as long as it takes.
     *
     * @return {@code true} when that happened within {@code timeout}
     * @throws InterruptedException when interrupted while waiting
     */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        return terminatedBy(Durations.deadlineAfter(timeout));
    }

    /**
     * {@link #close(Duration)} with {@link #CLOSE_GRACE}: shuts down, lets the running tasks finish
     * and waits until every thread has ended, for at most the course's one grace.
     */
    @Override
    public void close() {
        close(CLOSE_GRACE);
    }

    /**
     * Shuts down, lets the running tasks finish and waits until every thread has ended. If a
     * task is still running after {@code grace}, this gives up and throws, naming the threads
     * left; they keep their permits until their tasks return (a {@link #shutdownNow()} cancels
     * them). A grace beyond 292 years waits as long as it takes, as {@link ExecutorService#close()}
     * does. If interrupted while waiting, it cancels the running tasks, goes on waiting, and
     * restores the interrupt status on return. Idempotent.
     *
     * @throws IllegalStateException when a task is still running after {@code grace}
     * @throws NullPointerException  when {@code grace} is null
     */
    public void close(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        shutdown();
        long deadline = Durations.deadlineAfter(grace);
        try (Uninterruptibly.Scope scope = Uninterruptibly.scope()) {
            if (!scope.call(() -> terminatedBy(deadline), this::shutdownNow)) {   // an interrupt cancels the tasks
                throw Join.gaveUp("executor '" + name + "'", taskThreads(), grace, "close() began",
                        "A task that ignores interrupts keeps its thread and its permit until it returns.");
            }
        }
    }

    /** The most tasks that may run at once. */
    public int bound() {
        return bound;
    }

    /** How a submitter waits for a permit: {@link WaitPolicy#DEFAULT} unless given. */
    public WaitPolicy waitPolicy() {
        return waitPolicy;
    }

    /** The name that prefixes this executor's threads. */
    public String name() {
        return name;
    }

    /** Tasks running right now. */
    public int running() {
        return running.get();
    }

    /** The most tasks that ran at once so far; never more than {@link #bound()}. */
    public int peak() {
        return peak.get();
    }

    /** Tasks started so far. */
    public long started() {
        return started.get();
    }

    /** Tasks that ended by throwing an exception (their futures hold it). */
    public long failures() {
        return failures.get();
    }

    /** Submitters blocked waiting for a permit, an estimate from the semaphore. */
    public int waiting() {
        return permits.getQueueLength();
    }

    /** Whether the executor accepts no more tasks. */
    public boolean isShutdown() {
        return threads.isShutdown();
    }

    /** One line: name, bound, running, peak, started, failures. */
    @Override
    public String toString() {
        return "BoundedExecutor[" + name + ": bound " + bound + ", " + running() + " running, peak " + peak()
                + ", " + started() + " started, " + failures() + " failed" + (isShutdown() ? ", shut down" : "") + "]";
    }

    private void rejectIfShutdown() {
        if (isShutdown()) {
            throw new RejectedExecutionException("executor '" + name + "' is shut down; task rejected");
        }
    }

    /**
     * Takes a permit, waiting as the {@link WaitPolicy} says: under {@link WaitPolicy#SPIN_THEN_PARK}
     * a platform-thread submitter yields its core a few times ({@link Handoff#retry}) before it
     * parks, since a short task often gives its permit back meanwhile, and parking and being woken
     * can cost more than such a task. A zero-timeout try honours a fair semaphore's queue.
     */
    private void acquirePermit() throws InterruptedException {
        Handoff.Attempt take = () -> permits.tryAcquire(0, TimeUnit.NANOSECONDS);
        if (!take.tryOnce() && !Handoff.retry(waitPolicy, take)) {
            permits.acquire();
        }
    }

    /**
     * Hands the task to a new thread. The caller holds a permit; it passes to the thread, or is
     * given back here if the task cannot start.
     */
    private <T> Future<T> start(Callable<T> callable) {
        BoundedTask<T> task = new BoundedTask<>(callable, failures);
        dropEndedTasks();
        tasks.add(task);                    // before the thread starts, so that shutdownNow() sees it
        peak.accumulateAndGet(running.incrementAndGet(), Math::max);
        started.incrementAndGet();
        try {
            threads.execute(() -> runTask(task));
            return task;
        } catch (RuntimeException | Error e) {
            tasks.remove(task);
            started.decrementAndGet();
            taskEnded();
            throw isShutdown()
                    ? new RejectedExecutionException("executor '" + name + "' was shut down while the task "
                            + "waited for a permit; task rejected", e)
                    : new RejectedExecutionException("executor '" + name + "' could not start a thread", e);
        }
    }

    /** The body of every task thread: run the task, then count it out and give the permit back. */
    private void runTask(BoundedTask<?> task) {
        try {
            task.runHere();
        } finally {
            taskEnded();
        }
    }

    /** Counts a task out, then gives its permit back: the one release of the permit a task took. */
    private void taskEnded() {
        running.decrementAndGet();
        permits.release();
    }

    /**
     * Whether, by {@code deadline}, the executor is shut down, every task has returned (the JDK
     * executor is terminated) and every task's thread has exited (joined).
     */
    private boolean terminatedBy(long deadline) throws InterruptedException {
        if (!threads.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                || !Join.interruptibly(taskThreads(), deadline)) {
            return false;
        }
        tasks.removeIf(BoundedTask::threadEnded);  // all of them: the futures need not be kept any longer
        return true;
    }

    /** The threads of the tasks kept, those that have begun to run. */
    private List<Thread> taskThreads() {
        return tasks.stream().map(BoundedTask::thread).filter(Objects::nonNull).toList();
    }

    /** Drops the tasks whose thread has exited, once the set has grown well past the bound. */
    private void dropEndedTasks() {
        if (tasks.size() > 2 * bound + 16) {
            tasks.removeIf(BoundedTask::threadEnded);
        }
    }
}
