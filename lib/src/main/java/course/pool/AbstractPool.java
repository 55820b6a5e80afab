package course.pool;

import course.concurrent.Context;
import course.concurrent.ThreadKind;
import course.concurrent.WaitPolicy;
import course.concurrent.internal.Durations;
import course.concurrent.internal.Join;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * What every worker pool of the course shares: the generator that feeds the batch into the
 * jobs queue, N workers running the same loop, the results stream a reader reads until it
 * closes, the timeline of the run, and the close. Chapter 1's {@link WorkerPool} and chapter 2's
 * {@code course.semaphore.SemaphorePool} extend it and differ only in their
 * <em>synchronisation</em>, that is, in how they learn that every worker has exited so that the
 * stream may close:
 * <ul>
 *   <li>{@link #run(Context)} begins the run with {@link #start} and starts the workers with
 *       {@link #startWorker}, giving each an exit action (count down a wait group, give back a
 *       semaphore slot, ...);</li>
 *   <li>{@link #finish()} closes the stream ({@link #closeResults()}) by the pool's rules, once
 *       its synchronisation says every worker is gone.</li>
 * </ul>
 *
 * <p>Reading, cancellation, failures and closing work the same for every pool: see
 * {@link WorkerPool}. A pool runs one batch once; {@link #close()} cancels whatever still runs,
 * discards unread results and waits for every thread of the pool to end.
 *
 * <pre>{@code
 * // a pool whose last worker out closes the stream
 * private static final PoolFamily FAMILY = new PoolFamily("course-lastout-");
 * private final AtomicInteger running = new AtomicInteger();
 *
 * LastOutPool(int workers) {
 *     super("a last-out pool", workers, workers, ThreadKind.PLATFORM, WaitPolicy.DEFAULT, FAMILY);
 * }
 * public void run(Context ctx) {
 *     start(ctx, context -> {
 *         running.set(workers());
 *         for (int i = 0; i < workers(); i++) {
 *             startWorker(i, context, () -> { if (running.decrementAndGet() == 0) finish(); });
 *         }
 *     });
 * }
 * protected void finish() { closeResults(); }
 * }</pre>
 *
 * @param <A> the jobs' argument type
 * @param <R> the jobs' result type
 */
public abstract class AbstractPool<A, R> implements AutoCloseable {
    /** How long {@link #close()} waits for the pool's threads to end before it gives up and throws. */
    public static final Duration CLOSE_GRACE = Join.CLOSE_GRACE;
    /** How long {@link #close()} lets busy workers finish on their own before it interrupts them. */
    public static final Duration CLOSE_NUDGE = Duration.ofMillis(100);
    /** The descriptor type of the one error result a worker reports when the run is cancelled or expires. */
    public static final String STOP_TYPE = "worker-stop";

    private final int workers;
    /** The capacity of the jobs queue and of the results stream; the worker count unless given. */
    private final int buffer;
    private final ThreadKind kind;
    /** How the pool's threads (and its readers) wait for a job, for room, for a result. */
    private final WaitPolicy waitPolicy;
    private final String name;
    private final PoolThreads threads;
    private final JobQueue<A, R> jobs;
    private final ResultStream<R> results;
    /** Cancelled by {@link #close}; the run's context and the generator follow it. */
    private final Context life = Context.background().withCancel();
    /** Replaced once, by {@link #start}, so that time zero is the start of the run. */
    private volatile Timeline timeline;

    /** Guards the lifecycle fields below. Never held while blocking. */
    private final Object lock = new Object();
    /** Set by close(); afterwards generateFrom() and start() are refused. Guarded by lock. */
    private boolean closed;
    /** The generator thread, once generateFrom() is called. Guarded by lock. */
    private Thread generator;
    /** The run's context (a child of start's argument), once start() is called; written under lock. */
    private volatile Context runContext;

    /**
     * A pool of {@code workers} workers of the given kind whose jobs queue and results stream
     * each hold up to {@code buffer} elements (the Go original's buffer is the worker count), and
     * whose threads wait for each other as {@code waitPolicy} says. It takes the next name of
     * {@code family}, and its threads are counted there until they end.
     *
     * @param what how the pool is called in the error message, e.g. {@code "a worker pool"}
     * @throws IllegalArgumentException when {@code workers} or {@code buffer} is zero or negative
     * @throws NullPointerException     when {@code kind}, {@code waitPolicy} or {@code family} is null
     */
    protected AbstractPool(String what, int workers, int buffer, ThreadKind kind, WaitPolicy waitPolicy,
                           PoolFamily family) {
        if (workers <= 0) {
            throw new IllegalArgumentException(what + " needs at least one worker, got " + workers);
        }
        if (buffer <= 0) {
            throw new IllegalArgumentException(what + " needs a buffer of at least one element, got " + buffer);
        }
        this.workers = workers;
        this.buffer = buffer;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.waitPolicy = Objects.requireNonNull(waitPolicy, "waitPolicy");
        this.name = Objects.requireNonNull(family, "family").nextName();
        this.threads = new PoolThreads(name, kind, family.registry());
        this.jobs = new JobQueue<>(workers, buffer, waitPolicy);
        this.results = new ResultStream<>(name, buffer, waitPolicy);
        this.timeline = new Timeline(workers);
    }

    /**
     * Starts the generator: a thread that puts every job of {@code batch} into the jobs queue, in
     * order, blocking while it is full, then marks the end of the batch. The batch is copied now.
     *
     * @throws NullPointerException  when the batch or one of its jobs is null (the message says which)
     * @throws IllegalStateException when the pool is closed or already has a batch
     */
    public void generateFrom(Collection<? extends Job<A, R>> batch) {
        Objects.requireNonNull(batch, "batch");
        List<Job<A, R>> copy = new ArrayList<>(batch.size());
        for (Job<A, R> job : batch) {
            if (job == null) {
                throw new NullPointerException("job " + copy.size() + " of the batch is null");
            }
            copy.add(job);
        }
        synchronized (lock) {
            requireOpen("feed it a batch");
            if (generator != null) {
                throw new IllegalStateException(name + " already has a batch; a pool runs one batch, "
                        + "so make a new pool for the next");
            }
            generator = threads.start(name + "-generator", () -> jobs.feed(copy, this::stopping), false);
        }
        life.onDone(this::interruptGenerator);
    }

    /**
     * Starts the workers. They run until the batch is done or {@code ctx} is done (cancelled or
     * past its deadline), whichever comes first. Returns at once; read the results with
     * {@link #results()}.
     *
     * @throws NullPointerException  when {@code ctx} is null
     * @throws IllegalStateException when the pool is closed or already running
     */
    public abstract void run(Context ctx);

    /**
     * Feeds {@code batch}, runs it with {@code ctx} and reads every result until the stream
     * closes. Results come in the order they arrived, not in batch order.
     *
     * @throws InterruptedException  when the calling thread is interrupted while reading
     * @throws IllegalStateException when the pool is closed, or already has a batch or a run
     */
    public List<Result<R>> runAll(Context ctx, Collection<? extends Job<A, R>> batch) throws InterruptedException {
        Objects.requireNonNull(ctx, "ctx");
        generateFrom(batch);
        run(ctx);
        return readAll();
    }

    /**
     * Runs {@code batch} on {@code fresh} with {@link #runAll} and closes the pool before it
     * returns: the body of every pool class's static {@code runBatch}.
     *
     * @throws InterruptedException when the calling thread is interrupted while reading
     */
    protected static <A, R> List<Result<R>> runOnce(AbstractPool<A, R> fresh, Context ctx,
                                                    Collection<? extends Job<A, R>> batch) throws InterruptedException {
        try (fresh) {
            return fresh.runAll(ctx, batch);
        }
    }

    /**
     * The next result, waiting for one if need be; empty once the stream is closed and every
     * result has been read.
     *
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    public Optional<Result<R>> take() throws InterruptedException {
        return results.take();
    }

    /**
     * The next result if one arrives within {@code timeout}; empty if none does <em>or</em> if the
     * stream is closed (then {@link #isClosed()} is true). A timeout beyond 292 years waits as
     * long as it takes.
     *
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    public Optional<Result<R>> poll(Duration timeout) throws InterruptedException {
        return results.poll(Durations.nanos(Objects.requireNonNull(timeout, "timeout")));
    }

    /**
     * The results stream as an {@code Iterable}: each iterator blocks for the next result and ends
     * when the stream is closed. An interrupt while waiting restores the thread's interrupt flag
     * and throws {@link IllegalStateException}.
     */
    public Iterable<Result<R>> results() {
        return results::iterator;
    }

    /** The results stream as a sequential {@code Stream} that ends when the stream is closed. */
    public Stream<Result<R>> stream() {
        return StreamSupport.stream(results().spliterator(), false);
    }

    /**
     * Reads every remaining result until the stream is closed.
     *
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    public List<Result<R>> readAll() throws InterruptedException {
        return results.readAll();
    }

    /** Whether a reader has reached the end of the results stream. */
    public boolean isClosed() {
        return results.ended();
    }

    /** Which worker ran which job, and when, from the start of the run. Filled as the pool runs; empty before. */
    public Timeline timeline() {
        return timeline;
    }

    /** The number of workers. */
    public int workers() {
        return workers;
    }

    /** How many elements the jobs queue and the results stream each hold. */
    public int buffer() {
        return buffer;
    }

    /**
     * How many jobs wait in the jobs queue at this moment (the generator has put them, no worker
     * has taken them yet), between 0 and {@link #buffer()}; the end-of-batch marker is not
     * counted. A snapshot for sampling (see {@link QueueSampler}): by the time it returns, the
     * queue may have changed.
     */
    public int jobsWaiting() {
        return jobs.waiting();
    }

    /**
     * How many results wait in the results stream at this moment (a worker has put them, no
     * reader has taken them yet), between 0 and {@link #buffer()}; the end marker is not
     * counted. A snapshot for sampling, like {@link #jobsWaiting()}.
     */
    public int resultsWaiting() {
        return results.waiting();
    }

    /** The kind of thread the workers run on. */
    public ThreadKind kind() {
        return kind;
    }

    /** How the pool's threads and its readers wait on its queues: {@link WaitPolicy#DEFAULT} unless given. */
    public WaitPolicy waitPolicy() {
        return waitPolicy;
    }

    /** The pool's name, which prefixes its threads' names, e.g. {@code course-pool-3}. */
    public String name() {
        return name;
    }

    /**
     * Cancels the run if it is still going, stops the generator, discards unread results and
     * waits until every thread of the pool has ended, for at most {@link #CLOSE_GRACE}: the same
     * as {@link #close(Duration)} with that grace.
     *
     * @throws IllegalStateException when a thread of the pool is still running after the grace
     */
    @Override
    public void close() {
        close(CLOSE_GRACE);
    }

    /**
     * Cancels the run if it is still going, stops the generator, discards unread results and
     * waits until every thread of the pool has ended. A job that honours its context ends at
     * once; workers still busy after {@link #CLOSE_NUDGE} are interrupted, which ends a job
     * blocked in a sleep or a queue. If a thread is still running after {@code grace} (a job
     * that ignores both its context and interrupts), this gives up and throws, naming the
     * threads left; they are daemons and end when their jobs do. A pool whose run never started
     * has nothing to wait for and closes at once, whatever the grace. A grace beyond 292 years
     * waits as long as it takes. Idempotent. An interrupt while waiting is remembered and
     * restored on return.
     *
     * @throws IllegalStateException when a thread of the pool is still running after {@code grace}
     * @throws NullPointerException  when {@code grace} is null
     */
    public void close(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        boolean started;
        synchronized (lock) {
            closed = true;
            started = runContext != null;
        }
        life.cancel();  // cancels the run, interrupts the generator
        if (!started) {
            finish();   // no worker will: the stream closes now
            results.discardReady();
            threads.joinAll();   // at most the generator, interrupted: it cannot but end
        } else {
            threads.close(results, CLOSE_NUDGE, grace);
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + ", " + workers + " "
                + kind.name().toLowerCase(Locale.ROOT) + " workers, " + state() + "]";
    }

    /** {@code closed}, {@code not started}, {@code finished} or {@code running}. */
    protected final String state() {
        synchronized (lock) {
            return closed ? "closed" : runContext == null ? "not started" : isClosed() ? "finished" : "running";
        }
    }

    // ---- hooks for the synchronisation ---------------------------------------------------

    /**
     * Ends the run by the pool's rules: closes the results stream with {@link #closeResults()},
     * and whatever else the pool's synchronisation asks. The pool calls it once every worker has
     * exited; {@link #close()} calls it when the run never started. Must be idempotent.
     */
    protected abstract void finish();

    /**
     * Begins the run: starts a fresh timeline, makes the run's context (a child of {@code ctx}
     * that {@link #close()} also cancels) and hands it to {@code starter}, which starts the pool's
     * threads while the lifecycle lock is held, so that close sees every one of them. When the
     * context is done, the generator stops and idle workers wake.
     *
     * @throws NullPointerException  when an argument is null
     * @throws IllegalStateException when the pool is closed or already running
     */
    protected final void start(Context ctx, Consumer<Context> starter) {
        Objects.requireNonNull(ctx, "ctx");
        Objects.requireNonNull(starter, "starter");
        Context context;
        synchronized (lock) {
            requireOpen("run it");
            if (runContext != null) {
                throw new IllegalStateException(name + " is already running; a pool runs once, "
                        + "so make a new pool for the next run");
            }
            timeline = new Timeline(workers);
            context = ctx.withCancel();
            runContext = context;
            starter.accept(context);
        }
        life.onDone(context::cancel);
        context.onDone(() -> {
            interruptGenerator();
            jobs.wake();
        });
    }

    /**
     * Starts worker {@code index} ({@code <name>-worker-<index>}) on the shared loop, recording
     * its jobs in the pool's {@link #timeline()}; it runs {@code onExit} as its last act, however
     * it ends.
     */
    protected final Thread startWorker(int index, Context ctx, Runnable onExit) {
        Objects.requireNonNull(ctx, "ctx");
        Objects.requireNonNull(onExit, "onExit");
        JobDescriptor self = new JobDescriptor(name + "-worker-" + index, STOP_TYPE, Map.of("worker", index));
        Timeline spans = timeline;
        return threads.start(self.id(), () -> {
            try {
                jobs.work(index, self, ctx, spans, results);
            } finally {
                onExit.run();
            }
        }, true);
    }

    /** Starts another thread of the pool (e.g. a coordinator), counted and joined like the workers. */
    protected final Thread startThread(String threadName, Runnable task) {
        return threads.start(threadName, task, false);
    }

    /** Closes the results stream: puts its end marker, once. Later calls do nothing. */
    protected final void closeResults() {
        results.close();
    }

    // ---- mechanics ------------------------------------------------------------------------

    private void interruptGenerator() {
        Thread feeding;
        synchronized (lock) {
            feeding = generator;
        }
        if (feeding != null) {
            feeding.interrupt();
        }
    }

    private boolean stopping() {
        Context context = runContext;
        return life.isDone() || (context != null && context.isDone());
    }

    private void requireOpen(String action) {
        if (closed) {
            throw new IllegalStateException(name + " is closed; cannot " + action + " any more");
        }
    }
}
