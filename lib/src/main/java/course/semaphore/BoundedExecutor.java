package course.semaphore;

import course.concurrent.internal.Handoff;
import course.concurrent.WaitPolicy;
import course.concurrent.internal.Durations;
import course.concurrent.internal.Join;
import course.concurrent.internal.Uninterruptibly;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs each task on its own virtual thread, never more than {@code bound} at once, with a
 * {@link Semaphore} holding the bound. This is the modern form of the semaphore-bounded
 * executor of <i>Java Concurrency in Practice</i> (listing 8.4, see
 * {@link NaiveBoundedExecutor}), without its two faults.
 *
 * <p>With virtual threads, threads are cheap and a pool of them is pointless; what needs a
 * limit is the thing the tasks use (connections, file handles, a rate-limited service).
 * So each task gets a fresh virtual thread, and a permit bounds how many run at once.
 *
 * <ul>
 *   <li><b>The bound is exact.</b> {@link #submit(Callable)} takes a permit before it starts
 *       the task's thread, and the thread gives the permit back only after the task's body
 *       has returned, as its very last step. Nothing else runs on that thread, so the
 *       number of task bodies running never exceeds the bound. A cancelled task keeps its
 *       permit until its body really stops: a future that completes early (as one does
 *       on {@code cancel}) does not let another task in while the first still runs.</li>
 *   <li><b>Backpressure.</b> When all permits are taken, {@code submit} blocks the caller
 *       (interruptibly), so a fast producer cannot pile up unbounded work.
 *       {@link #submit(Callable, Duration)} waits at most a given time and then rejects.</li>
 *   <li><b>Nothing is swallowed.</b> A rejection (after {@link #shutdown()}, or when no
 *       permit frees up in time) is thrown to the submitter as a
 *       {@link RejectedExecutionException} naming the reason, and the permit goes back. A
 *       task's exception is kept in its {@link Future}; {@link Future#get()} throws it
 *       wrapped in an {@link ExecutionException}, and {@link #failures()} counts them.</li>
 *   <li><b>Cancellable.</b> {@link Future#cancel(boolean) cancel(true)} interrupts the task's
 *       thread; {@link #shutdownNow()} does that to every running task.</li>
 *   <li><b>No thread left behind.</b> {@link #close()} stops new submissions and waits until
 *       every task's thread has terminated (if interrupted while waiting, it cancels the
 *       tasks and keeps waiting), so a try-with-resources block ends with no thread of
 *       this executor alive.</li>
 * </ul>
 *
 * <p>Settings: the bound, the semaphore's fairness (a fair semaphore hands permits out in
 * arrival order; a non-fair one lets a newcomer barge in, which is faster under contention),
 * a name that prefixes its threads' names ({@code name-1}, {@code name-2}, ...), and how a
 * submitter waits for a permit ({@link WaitPolicy}: {@link WaitPolicy#SPIN_THEN_PARK} unless
 * given, which yields the core a few times before it blocks in the semaphore;
 * {@link WaitPolicy#PARK} blocks at once).
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
    private final String name;
    private final int bound;
    /** One permit per task that may run; a permit is held from just before a task's thread starts until its body returns. */
    private final Semaphore permits;
    /** Tasks that ended by throwing. Only increases. */
    private final AtomicLong failures = new AtomicLong();

    /**
     * Tasks whose body has not returned. Never exceeds `bound`: it goes up (under `lock`) only
     * while a permit is held, and comes down (without the lock) before the permit is given back.
     * A task's end takes the lock only when it brings this to zero, to signal `idle`.
     */
    private final AtomicInteger running = new AtomicInteger();

    /** Guards every field below it. */
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when `running` drops to zero and when `shutdown` is set. */
    private final Condition idle = lock.newCondition();
    /** Set once by shutdown() or shutdownNow(), never cleared. No task starts after it is set. */
    private boolean shutdown;
    /** The largest value `running` has had. */
    private int peak;
    /** Tasks started. Only increases. */
    private long started;
    /**
     * Every thread started that may still be alive, with its task, for shutdownNow() to
     * cancel and awaitTermination() to join. Threads found dead are pruned now and then.
     */
    private final Map<Thread, FutureTask<?>> threads = new HashMap<>();
    /** How a submitter waits for a permit. */
    private final WaitPolicy waitPolicy;
    /** Makes the named virtual threads. A Thread.Builder is not thread-safe; used only under `lock`. */
    private final Thread.Builder threadBuilder;

    /**
     * Creates a non-fair executor named {@code bounded}.
     *
     * @throws IllegalArgumentException when {@code bound} is not positive
     */
    public BoundedExecutor(int bound) {
        this(bound, false, "bounded");
    }

    /**
     * Creates an executor.
     *
     * @param bound the most tasks that may run at once
     * @param fair  whether waiting submitters get permits in arrival order
     * @param name  the prefix of its threads' names
     * @throws IllegalArgumentException when {@code bound} is not positive or the name is blank
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
        this.permits = new Semaphore(bound, fair);
        this.waitPolicy = Objects.requireNonNull(waitPolicy, "waitPolicy");
        this.threadBuilder = Thread.ofVirtual().name(name + "-", 1);
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
        lock.lock();
        try {
            shutdown = true;
            idle.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops accepting tasks and cancels (interrupts) every running task.
     *
     * @return how many tasks this call cancelled
     */
    public int shutdownNow() {
        List<FutureTask<?>> tasks;
        lock.lock();
        try {
            shutdown = true;
            idle.signalAll();
            tasks = new ArrayList<>(threads.values());
        } finally {
            lock.unlock();
        }
        int cancelled = 0;
        for (FutureTask<?> task : tasks) {
            if (task.cancel(true)) {
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
        long deadline = Durations.deadlineAfter(timeout);
        List<Thread> toJoin;
        lock.lockInterruptibly();
        try {
            while (!shutdown || running.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                idle.awaitNanos(left);
            }
            toJoin = new ArrayList<>(threads.keySet());
        } finally {
            lock.unlock();
        }
        // No task runs now and none can start; each thread is at most finishing its exit.
        if (!Join.interruptibly(toJoin, deadline)) {
            return false;
        }
        lock.lock();
        try {
            threads.keySet().removeAll(toJoin);
        } finally {
            lock.unlock();
        }
        return true;
    }

    /**
     * Shuts down and waits until every thread has terminated. If interrupted while waiting,
     * cancels the running tasks, goes on waiting, and restores the interrupt status.
     */
    @Override
    public void close() {
        shutdown();
        Uninterruptibly.run(() -> {
            while (!awaitTermination(Duration.ofDays(1))) {
                // keep waiting, as ExecutorService.close() does
            }
        }, this::shutdownNow);   // an interrupt cancels the running tasks; the wait goes on
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
        lock.lock();
        try {
            return peak;
        } finally {
            lock.unlock();
        }
    }

    /** Tasks started so far. */
    public long started() {
        lock.lock();
        try {
            return started;
        } finally {
            lock.unlock();
        }
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
        lock.lock();
        try {
            return shutdown;
        } finally {
            lock.unlock();
        }
    }

    /** One line: name, bound, running, peak, started, failures. */
    @Override
    public String toString() {
        lock.lock();
        try {
            return "BoundedExecutor[" + name + ": bound " + bound + ", " + running.get() + " running, peak " + peak
                    + ", " + started + " started, " + failures.get() + " failed" + (shutdown ? ", shut down" : "") + "]";
        } finally {
            lock.unlock();
        }
    }

    private void rejectIfShutdown() {
        if (isShutdown()) {
            throw new RejectedExecutionException("executor '" + name + "' is shut down; task rejected");
        }
    }

    /**
     * Starts the task's thread. The caller holds a permit; it passes to the thread, or is
     * given back here if the task cannot start.
     */
    private <T> Future<T> start(Callable<T> task) {
        Task<T> future = new Task<>(task);
        Thread thread;
        lock.lock();
        try {
            if (shutdown) {
                permits.release();
                throw new RejectedExecutionException("executor '" + name + "' was shut down while the task "
                        + "waited for a permit; task rejected");
            }
            pruneDeadThreads();
            thread = threadBuilder.unstarted(() -> runTask(future));
            threads.put(thread, future);
            peak = Math.max(peak, running.incrementAndGet());
            started++;
        } finally {
            lock.unlock();
        }
        // Started outside the lock: a start hands the thread to the scheduler and may wake a
        // carrier, and tasks that end meanwhile must not queue behind it. The thread is already
        // registered and counted, so shutdownNow() and awaitTermination() see it.
        try {
            thread.start();
        } catch (Throwable e) {
            lock.lock();
            try {
                threads.remove(thread);
                started--;
            } finally {
                lock.unlock();
            }
            taskEnded();
            throw new RejectedExecutionException("executor '" + name + "' could not start a thread", e);
        }
        return future;
    }

    /** The body of every task thread: run the task, then count it out, then give the permit back. */
    private void runTask(FutureTask<?> future) {
        try {
            future.run();
        } finally {
            taskEnded();
        }
    }

    /**
     * Takes a permit, waiting for one as the executor's {@link WaitPolicy} says. A task usually
     * ends within microseconds of the wait starting, so under {@link WaitPolicy#SPIN_THEN_PARK} a
     * platform-thread submitter first yields its core a few times ({@link Handoff#retry}) and
     * parks only if no permit came back meanwhile: parking and being woken costs more than a
     * short task. A zero-timeout try honours a fair semaphore's queue, as {@code acquire} does.
     */
    private void acquirePermit() throws InterruptedException {
        Handoff.Attempt take = () -> permits.tryAcquire(0, TimeUnit.NANOSECONDS);
        if (!take.tryOnce() && !Handoff.retry(waitPolicy, take)) {
            permits.acquire();
        }
    }

    /** Counts a task out, then gives its permit back; the last one out signals {@code idle}. */
    private void taskEnded() {
        if (running.decrementAndGet() == 0) {
            lock.lock();
            try {
                idle.signalAll();
            } finally {
                lock.unlock();
            }
        }
        permits.release();
    }

    /** Drops finished threads from the map once it has grown well past the bound. Called under `lock`. */
    private void pruneDeadThreads() {
        if (threads.size() > 2 * bound + 16) {
            threads.keySet().removeIf(t -> !t.isAlive());
        }
    }

    /** A future task that counts its failures. Cancellation is not a failure. */
    private final class Task<T> extends FutureTask<T> {
        Task(Callable<T> callable) {
            super(callable);
        }

        @Override
        protected void setException(Throwable t) {
            if (!(t instanceof CancellationException) && !isCancelled()) {
                failures.incrementAndGet();
            }
            super.setException(t);
        }
    }
}
