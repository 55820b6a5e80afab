package course.semaphore;

import course.pool.Context;
import course.pool.Job;
import course.pool.JobDescriptor;
import course.pool.Result;
import course.pool.ThreadKind;
import course.pool.Timeline;
import course.pool.WorkerPool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Chapter 1's worker pool with its wait group replaced by a {@link TokenSemaphore}: the Go
 * original's semaphore variant. It runs the same {@link Job}s, yields the same
 * {@link Result}s and honours the same {@link Context}; only the way it learns that every
 * worker has finished differs.
 *
 * <p><b>How a run goes.</b>
 * <ol>
 *   <li>A <em>generator</em> thread feeds the batch into the jobs queue (capacity N), blocking
 *       while it is full, then marks its end, exactly as in {@link WorkerPool}.</li>
 *   <li>{@link #run(Context)} starts a <em>coordinator</em> thread (the Go original's
 *       {@code go pool.Run(ctx)}). For each of the N workers it takes a slot of the
 *       semaphore, then starts the worker; each worker gives its slot back as the last thing
 *       it does.</li>
 *   <li>The coordinator then calls {@link TokenSemaphore#awaitAll()}, which returns only once
 *       every worker has given its slot back, so every result is already in the results
 *       stream. It closes the stream, then the semaphore.</li>
 * </ol>
 *
 * <p><b>No done signal.</b> Unlike {@link WorkerPool#done()}, there is no signal to stop
 * reading on, and so no race: a reader reads until the stream is closed, with
 * {@link #results()}, {@link #readAll()} or {@link #take()}, and sees every result once.
 *
 * <p><b>Cancellation and deadlines</b> work as in chapter 1: when the run's context is done,
 * each worker finishes the job in hand, puts one error result carrying the context's cause
 * (descriptor type {@link WorkerPool#STOP_TYPE}) and exits. A job that throws yields an error
 * result; the other jobs go on.
 *
 * <p><b>Threads.</b> Workers are platform (daemon) or virtual threads, named
 * {@code course-sempool-<n>-worker-<i>}; the generator and coordinator are
 * {@code course-sempool-<n>-generator} and {@code -coordinator}. A pool runs one batch once.
 * {@link #close()} cancels whatever still runs, discards unread results and waits for every
 * thread of the pool to end.
 *
 * <pre>{@code
 * try (var pool = new SemaphorePool<Integer, Integer>(2)) {
 *     pool.generateFrom(Jobs.doubling(10));
 *     pool.run(Context.background());
 *     for (Result<Integer> r : pool.results()) {      // ends when the stream closes
 *         System.out.println(r);
 *     }
 * }
 * }</pre>
 *
 * @param <A> the jobs' argument type
 * @param <R> the jobs' result type
 */
public final class SemaphorePool<A, R> implements AutoCloseable {
    /** Every thread a semaphore pool starts has a name that begins with this prefix. */
    public static final String THREAD_PREFIX = "course-sempool-";

    private static final AtomicInteger POOL_IDS = new AtomicInteger();
    /** Threads started by any semaphore pool that have not yet finished their task. */
    private static final AtomicInteger LIVE_THREADS = new AtomicInteger();

    /** Marks the end of the batch; a worker that takes it puts it back for the others. */
    private static final Job<Object, Object> END_OF_JOBS = Job.of("end-of-jobs", "sentinel", null, (c, a) -> null);
    /** Offered to the jobs queue on cancellation, to wake workers blocked on an empty queue. */
    private static final Job<Object, Object> WAKE_UP = Job.of("wake-up", "sentinel", null, (c, a) -> null);
    /** Marks the end of the results stream; a reader that takes it puts it back for the others. */
    private static final Result<Object> END_OF_RESULTS = Result.ok(new JobDescriptor("end-of-results", "sentinel"), null);

    private final int workers;
    private final ThreadKind kind;
    private final String name;
    /** One slot per worker: taken by the coordinator before a worker starts, given back by the worker as it exits. */
    private final TokenSemaphore slots;
    /** Capacity {@link #workers}. Producers: the generator, then {@link #END_OF_JOBS}; wake-ups. Consumers: workers. */
    private final BlockingQueue<Job<A, R>> jobs;
    /** Capacity {@link #workers}. Producers: workers, then the coordinator puts {@link #END_OF_RESULTS}. Consumers: readers. */
    private final BlockingQueue<Result<R>> results;
    /** Cancelled by {@link #close()}; the run's context and the generator follow it. */
    private final Context life = Context.background().withCancel();
    private final Timeline timeline;
    /** Set once a reader has taken {@link #END_OF_RESULTS}. */
    private volatile boolean endSeen;

    /** Guards the lifecycle fields below. Never held while blocking. */
    private final Object lock = new Object();
    /** Set by close(); afterwards generateFrom() and run() are refused. Guarded by lock. */
    private boolean closed;
    /** The generator thread, once generateFrom() is called. Guarded by lock. */
    private Thread generator;
    /** The coordinator thread, once run() is called. Guarded by lock. */
    private Thread coordinator;
    /** Worker threads, added by the coordinator as it starts them. Guarded by lock. */
    private final List<Thread> workerThreads = new ArrayList<>();
    /** The run's context (a child of run's argument), once run() is called; written under lock. */
    private volatile Context runContext;

    /**
     * A pool of {@code workers} platform-thread workers.
     *
     * @throws IllegalArgumentException when {@code workers} is zero or negative
     */
    public SemaphorePool(int workers) {
        this(workers, ThreadKind.PLATFORM);
    }

    /**
     * A pool of {@code workers} workers of the given kind.
     *
     * @throws IllegalArgumentException when {@code workers} is zero or negative
     * @throws NullPointerException     when {@code kind} is null
     */
    public SemaphorePool(int workers, ThreadKind kind) {
        if (workers <= 0) {
            throw new IllegalArgumentException("a semaphore pool needs at least one worker, got " + workers);
        }
        this.workers = workers;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.name = THREAD_PREFIX + POOL_IDS.incrementAndGet();
        this.slots = new TokenSemaphore(workers);
        this.jobs = new ArrayBlockingQueue<>(workers);
        this.results = new ArrayBlockingQueue<>(workers);
        this.timeline = new Timeline(workers);
    }

    /**
     * Runs {@code batch} on a fresh pool and returns every result, in arrival order. The pool
     * is closed before this returns.
     *
     * @throws InterruptedException when the calling thread is interrupted while reading
     */
    public static <A, R> List<Result<R>> runBatch(int workers, ThreadKind kind, Context ctx,
                                                  Collection<? extends Job<A, R>> batch) throws InterruptedException {
        try (SemaphorePool<A, R> pool = new SemaphorePool<>(workers, kind)) {
            return pool.runAll(ctx, batch);
        }
    }

    /** How many threads started by any semaphore pool are still running. Zero when every pool is closed. */
    public static int liveThreads() {
        return LIVE_THREADS.get();
    }

    /**
     * Starts the generator, which puts every job of {@code batch} into the jobs queue, in
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
            generator = startThread(name + "-generator", () -> generate(copy));
        }
        life.onDone(this::interruptGenerator);
    }

    /**
     * Starts the coordinator, which starts the workers and closes the results stream once
     * every worker has released its slot. Returns at once; read with {@link #results()}.
     *
     * @throws NullPointerException  when {@code ctx} is null
     * @throws IllegalStateException when the pool is closed or already running
     */
    public void run(Context ctx) {
        Objects.requireNonNull(ctx, "ctx");
        Context context;
        synchronized (lock) {
            requireOpen("run it");
            if (runContext != null) {
                throw new IllegalStateException(name + " is already running; a pool runs once, "
                        + "so make a new pool for the next run");
            }
            context = ctx.withCancel();
            runContext = context;
            coordinator = startThread(name + "-coordinator", () -> coordinate(context));
        }
        life.onDone(context::cancel);
        context.onDone(this::wake);
    }

    /**
     * Feeds {@code batch}, runs it with {@code ctx} and reads every result until the stream
     * closes. Results come in arrival order, not batch order.
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
     * The next result, waiting for one if need be; empty once the stream is closed and every
     * result has been read.
     *
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    public Optional<Result<R>> take() throws InterruptedException {
        return received(results.take());
    }

    /**
     * The next result if one arrives within {@code timeout}; empty if none does <em>or</em> if
     * the stream is closed (then {@link #isClosed()} is true).
     *
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    public Optional<Result<R>> poll(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        return received(results.poll(timeout.toNanos(), TimeUnit.NANOSECONDS));
    }

    /**
     * The results stream as an {@code Iterable}: each iterator blocks for the next result and
     * ends when the stream is closed. An interrupt while waiting restores the thread's
     * interrupt flag and throws {@link IllegalStateException}.
     */
    public Iterable<Result<R>> results() {
        return ResultIterator::new;
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
        List<Result<R>> all = new ArrayList<>();
        for (Optional<Result<R>> r = take(); r.isPresent(); r = take()) {
            all.add(r.get());
        }
        return all;
    }

    /** Whether a reader has reached the end of the results stream. */
    public boolean isClosed() {
        return endSeen;
    }

    /** Worker slots in use right now: workers that have started and not yet exited. */
    public int slotsInUse() {
        return slots.inUse();
    }

    /** Which worker ran which job, and when. Filled as the pool runs. */
    public Timeline timeline() {
        return timeline;
    }

    /** The number of workers. */
    public int workers() {
        return workers;
    }

    /** The kind of thread the workers run on. */
    public ThreadKind kind() {
        return kind;
    }

    /** The pool's name, which prefixes its threads' names, e.g. {@code course-sempool-3}. */
    public String name() {
        return name;
    }

    /**
     * Cancels the run if it is still going, stops the generator, discards unread results and
     * waits until every thread of the pool has ended. Idempotent. If a job ignores its
     * context, this waits for that job to finish. An interrupt while waiting is remembered and
     * restored on return.
     */
    @Override
    public void close() {
        Thread feeding;
        Thread coordinating;
        synchronized (lock) {
            closed = true;
            feeding = generator;
            coordinating = coordinator;
        }
        life.cancel();
        if (coordinating == null && !endSeen) {
            // never run: no coordinator will close the stream
            putUninterruptibly(results, endOfResults());
            slots.close();
        }
        boolean interrupted = false;
        while (!endSeen) {
            try {
                take();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        List<Thread> all = new ArrayList<>();
        if (feeding != null) {
            all.add(feeding);
        }
        if (coordinating != null) {
            interrupted |= joinUninterruptibly(coordinating);
        }
        synchronized (lock) {
            all.addAll(workerThreads); // complete: the coordinator has ended
        }
        for (Thread thread : all) {
            interrupted |= joinUninterruptibly(thread);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        String state;
        synchronized (lock) {
            state = closed ? "closed" : runContext == null ? "not started" : endSeen ? "finished" : "running";
        }
        return "SemaphorePool[" + name + ", " + workers + " " + kind.name().toLowerCase(java.util.Locale.ROOT)
                + " workers, " + state + ", " + slots + "]";
    }

    // ---- mechanics ---------------------------------------------------------------------

    /**
     * The coordinator. Plan:
     * 1. For each worker: take a slot, then start the worker (it owns the slot from then on).
     * 2. Wait until every slot has been given back: all workers have exited, so every result
     *    is in the stream.
     * 3. Close the results stream, then the semaphore.
     */
    private void coordinate(Context ctx) {
        for (int i = 0; i < workers; i++) {
            acquireUninterruptibly();
            int index = i;
            try {
                Thread worker = startThread(name + "-worker-" + i, () -> work(index, ctx));
                synchronized (lock) {
                    workerThreads.add(worker);
                }
            } catch (RuntimeException | Error e) {
                slots.release(); // the worker never started, so it cannot give its slot back
                ctx.cancel();    // the others stop; the stream still closes below
                break;
            }
        }
        awaitAllUninterruptibly();
        putUninterruptibly(results, endOfResults());
        slots.close();
    }

    /** The generator's loop: feed every job, then the end marker; stop quietly when interrupted. */
    private void generate(List<Job<A, R>> batch) {
        try {
            for (Job<A, R> job : batch) {
                if (stopping()) {
                    return;
                }
                jobs.put(job);
            }
            jobs.put(endOfJobs());
        } catch (InterruptedException e) {
            // the run was cancelled or the pool closed: nobody will take more jobs
        }
    }

    /**
     * A worker's loop, as in chapter 1. Plan:
     * 1. If the context is done, report its cause once and exit.
     * 2. Take a job; a wake-up goes back to step 1; the end marker is put back and ends the loop.
     * 3. If the context became done while waiting, drop the job and go back to step 1.
     * 4. Run the job, record its span, put its result (blocking while the stream is full).
     * On exit, whatever the reason, give the slot back.
     */
    private void work(int index, Context ctx) {
        JobDescriptor self = new JobDescriptor(name + "-worker-" + index, WorkerPool.STOP_TYPE, Map.of("worker", index));
        try {
            while (true) {
                if (ctx.isDone()) {
                    putUninterruptibly(results, Result.failed(self, ctx.cause()));
                    return;
                }
                Job<A, R> job = takeJob();
                if (job == WAKE_UP || ctx.isDone()) {
                    continue;
                }
                if (job == END_OF_JOBS) {
                    jobs.offer(job); // room is certain: only wake-ups on cancel can follow the end marker
                    return;
                }
                long start = System.nanoTime();
                Result<R> result = job.execute(ctx);
                timeline.record(index, job.descriptor(), start, System.nanoTime(), result.isOk());
                Thread.interrupted(); // a job's interrupt must not leak into the worker's own waits
                putUninterruptibly(results, result);
            }
        } finally {
            slots.release();
        }
    }

    private Job<A, R> takeJob() {
        while (true) {
            try {
                return jobs.take();
            } catch (InterruptedException e) {
                // only the pool may stop a worker, through the context; keep waiting
            }
        }
    }

    private void acquireUninterruptibly() {
        boolean interrupted = false;
        while (true) {
            try {
                slots.acquire();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitAllUninterruptibly() {
        boolean interrupted = false;
        while (true) {
            try {
                slots.awaitAll();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Called when the run's context is done: stop the generator, wake workers waiting for jobs. */
    private void wake() {
        interruptGenerator();
        for (int i = 0; i < workers; i++) {
            if (!jobs.offer(wakeUp())) {
                break; // a full queue wakes every waiting worker by itself
            }
        }
    }

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

    private Optional<Result<R>> received(Result<R> r) {
        if (r == null) {
            return Optional.empty();
        }
        if (r == END_OF_RESULTS) {
            results.offer(r); // let any other reader see the end too; nothing follows the marker
            endSeen = true;
            return Optional.empty();
        }
        return Optional.of(r);
    }

    private void requireOpen(String action) {
        if (closed) {
            throw new IllegalStateException(name + " is closed; cannot " + action + " any more");
        }
    }

    private Thread startThread(String threadName, Runnable task) {
        LIVE_THREADS.incrementAndGet();
        try {
            return kind.start(threadName, () -> {
                try {
                    task.run();
                } finally {
                    LIVE_THREADS.decrementAndGet();
                }
            });
        } catch (RuntimeException | Error e) {
            LIVE_THREADS.decrementAndGet();
            throw e;
        }
    }

    /** Joins {@code thread}, retrying through interrupts; returns whether one happened. */
    private static boolean joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        return interrupted;
    }

    private static <T> void putUninterruptibly(BlockingQueue<T> queue, T item) {
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(item);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unchecked")
    private Job<A, R> endOfJobs() {
        return (Job<A, R>) (Job<?, ?>) END_OF_JOBS;
    }

    @SuppressWarnings("unchecked")
    private Job<A, R> wakeUp() {
        return (Job<A, R>) (Job<?, ?>) WAKE_UP;
    }

    @SuppressWarnings("unchecked")
    private Result<R> endOfResults() {
        return (Result<R>) (Result<?>) END_OF_RESULTS;
    }

    /** Reads the stream until it is closed. */
    private final class ResultIterator implements Iterator<Result<R>> {
        private Result<R> next;
        private boolean ended;

        @Override
        public boolean hasNext() {
            if (next != null) {
                return true;
            }
            if (ended) {
                return false;
            }
            try {
                Optional<Result<R>> r = take();
                if (r.isPresent()) {
                    next = r.get();
                    return true;
                }
                ended = true;
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the next result of " + name, e);
            }
        }

        @Override
        public Result<R> next() {
            if (!hasNext()) {
                throw new NoSuchElementException(name + " has no more results: its stream is closed");
            }
            Result<R> r = next;
            next = null;
            return r;
        }
    }
}
