package course.pool;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A fixed number of workers that run a batch of {@link Job}s and stream back one
 * {@link Result} per job: the Go original's worker pool, in Java.
 *
 * <p><b>The parts.</b>
 * <ul>
 *   <li>A <em>generator</em> thread feeds the batch into the <em>jobs queue</em> (a bounded
 *       {@code BlockingQueue} of capacity N, the twin of a buffered channel) and then marks its
 *       end. It blocks while the queue is full, that is, while the workers are busy.</li>
 *   <li>{@link #run(Context)} starts N <em>workers</em> (fan-out). Each takes jobs from the queue,
 *       runs them and puts their results on the single <em>results stream</em> (fan-in), also a
 *       bounded queue of capacity N.</li>
 *   <li>When the last worker exits, the pool fires its {@link #done()} signal and then closes
 *       the results stream.</li>
 * </ul>
 *
 * <p><b>Reading results.</b> Read until the stream is closed: iterate {@link #results()}, call
 * {@link #readAll()}, or loop on {@link #take()} until it returns empty. A reader that does so
 * sees every result exactly once. Do <em>not</em> stop reading when {@link #done()} fires: results
 * may still be buffered then (the Go original's race, shown by {@link RaceDemo}).
 *
 * <p><b>Cancellation and deadlines.</b> The workers share the run's {@link Context}. When it is
 * cancelled or its deadline passes, each worker finishes the job in hand (promptly, if the job
 * honours the context), puts one error result whose error is the context's cause and whose
 * descriptor has the type {@value #STOP_TYPE}, and exits. Jobs not yet started yield no result.
 * The generator stops feeding and the stream closes once every worker has exited.
 *
 * <p><b>Failures.</b> A job that throws yields an error result; the other jobs go on.
 *
 * <p><b>Threads and closing.</b> Workers are {@link ThreadKind#PLATFORM platform} (daemon) or
 * {@link ThreadKind#VIRTUAL virtual} threads, named {@code course-pool-<n>-worker-<i>}; the
 * generator is {@code course-pool-<n>-generator}. A pool runs one batch once. {@link #close()}
 * cancels whatever is still running, discards unread results and waits for every thread of the
 * pool to end, so a try-with-resources block leaves no thread behind.
 *
 * <pre>{@code
 * List<Job<Integer, Integer>> batch = Jobs.doubling(10);
 * try (var pool = new WorkerPool<Integer, Integer>(2)) {
 *     pool.generateFrom(batch);
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
public final class WorkerPool<A, R> implements AutoCloseable {
    /** Every thread a pool starts has a name that begins with this prefix. */
    public static final String THREAD_PREFIX = "course-pool-";
    /** The descriptor type of the one error result a worker reports when the run is cancelled or expires. */
    public static final String STOP_TYPE = "worker-stop";

    private static final AtomicInteger POOL_IDS = new AtomicInteger();
    /** Threads started by any pool that have not yet finished their task. */
    private static final AtomicInteger LIVE_THREADS = new AtomicInteger();

    /** Marks the end of the batch in the jobs queue; a worker that takes it puts it back for the others. */
    private static final Job<Object, Object> END_OF_JOBS = Job.of("end-of-jobs", "sentinel", null, (c, a) -> null);
    /** Offered to the jobs queue on cancellation, to wake workers blocked on an empty queue. */
    private static final Job<Object, Object> WAKE_UP = Job.of("wake-up", "sentinel", null, (c, a) -> null);
    /** Marks the end of the results stream; a reader that takes it puts it back for the others. */
    private static final Result<Object> END_OF_RESULTS = Result.ok(new JobDescriptor("end-of-results", "sentinel"), null);

    private final int workers;
    private final ThreadKind kind;
    private final String name;
    /** Capacity {@link #workers}. Producer: the generator (then {@link #END_OF_JOBS}) and {@link #wake()}. Consumers: workers. */
    private final BlockingQueue<Job<A, R>> jobs;
    /** Capacity {@link #workers}. Producers: workers, then the last one puts {@link #END_OF_RESULTS}. Consumers: readers. */
    private final BlockingQueue<Result<R>> results;
    /** Cancelled by {@link #close()}; the run's context and the generator follow it. */
    private final Context life = Context.background().withCancel();
    /** Replaced once, by run(), so that time zero is the start of the run. */
    private volatile Timeline timeline;
    /** Completed once, when the last worker has exited, just before the results stream closes. */
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    /** What {@link #done()} hands out: a copy, so that no reader can complete the real signal. */
    private final Future<Void> doneView = done.copy();
    /** Workers still running. The one that brings it to zero closes the stream. */
    private final AtomicInteger running = new AtomicInteger();
    /** Set once, by whoever puts {@link #END_OF_RESULTS}: the last worker, or close() when run never started. */
    private final AtomicBoolean resultsClosed = new AtomicBoolean();
    /** Set once a reader has taken {@link #END_OF_RESULTS}. */
    private volatile boolean endSeen;

    /** Guards the lifecycle fields below. Never held while blocking. */
    private final Object lock = new Object();
    /** Set by close(); afterwards generateFrom() and run() are refused. Guarded by lock. */
    private boolean closed;
    /** The generator thread, once generateFrom() is called. Guarded by lock. */
    private Thread generator;
    /** The worker threads, once run() is called. Guarded by lock. */
    private List<Thread> workerThreads = List.of();
    /** The run's context (a child of run's argument), once run() is called; written under lock. */
    private volatile Context runContext;

    /**
     * A pool of {@code workers} platform-thread workers.
     *
     * @throws IllegalArgumentException when {@code workers} is zero or negative
     */
    public WorkerPool(int workers) {
        this(workers, ThreadKind.PLATFORM);
    }

    /**
     * A pool of {@code workers} workers of the given kind.
     *
     * @throws IllegalArgumentException when {@code workers} is zero or negative
     * @throws NullPointerException     when {@code kind} is null
     */
    public WorkerPool(int workers, ThreadKind kind) {
        if (workers <= 0) {
            throw new IllegalArgumentException("a worker pool needs at least one worker, got " + workers);
        }
        this.workers = workers;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.name = THREAD_PREFIX + POOL_IDS.incrementAndGet();
        this.jobs = new ArrayBlockingQueue<>(workers);
        this.results = new ArrayBlockingQueue<>(workers);
        this.timeline = new Timeline(workers);
    }

    /**
     * Runs {@code batch} on a fresh pool of {@code workers} workers and returns every result,
     * in the order they arrived. The pool is closed before this returns.
     *
     * @throws InterruptedException when the calling thread is interrupted while reading
     */
    public static <A, R> List<Result<R>> runBatch(int workers, ThreadKind kind, Context ctx,
                                                  Collection<? extends Job<A, R>> batch) throws InterruptedException {
        try (WorkerPool<A, R> pool = new WorkerPool<>(workers, kind)) {
            return pool.runAll(ctx, batch);
        }
    }

    /** How many threads started by any pool are still running. Zero when every pool is closed. */
    public static int liveThreads() {
        return LIVE_THREADS.get();
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
            generator = startThread(name + "-generator", () -> generate(copy));
        }
        life.onDone(this::interruptGenerator);
    }

    /**
     * Starts the workers. They run until the batch is done or {@code ctx} is done (cancelled or
     * past its deadline), whichever comes first. Returns at once; read the results with
     * {@link #results()}. Without a batch ({@link #generateFrom}), the workers wait until the
     * run is cancelled or the pool is closed.
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
            timeline = new Timeline(workers);
            running.set(workers);
            List<Thread> threads = new ArrayList<>(workers);
            for (int i = 0; i < workers; i++) {
                int index = i;
                threads.add(startThread(name + "-worker-" + i, () -> work(index, context)));
            }
            workerThreads = List.copyOf(threads);
        }
        life.onDone(context::cancel);
        context.onDone(this::wake);
    }

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
     * The next result, waiting for one if need be; empty once the stream is closed and every
     * result has been read.
     *
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    public Optional<Result<R>> take() throws InterruptedException {
        return received(results.take());
    }

    /**
     * The next result if one arrives within {@code timeout}; empty if none does <em>or</em> if the
     * stream is closed (then {@link #isClosed()} is true).
     *
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    public Optional<Result<R>> poll(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        return received(results.poll(timeout.toNanos(), TimeUnit.NANOSECONDS));
    }

    /**
     * The results stream as an {@code Iterable}: each iterator blocks for the next result and ends
     * when the stream is closed. An interrupt while waiting restores the thread's interrupt flag
     * and throws {@link IllegalStateException}.
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

    /**
     * The Go original's "done" signal: completes when every worker has exited, just
     * <em>before</em> the results stream closes. Results may still be waiting to be read when it
     * fires; it is here to show why a reader must not stop on it. The returned future is a view:
     * completing or cancelling it does not affect the pool's own signal.
     */
    public Future<Void> done() {
        return doneView;
    }

    /** Which worker ran which job, and when, from the start of the run. Filled as the pool runs; empty before. */
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

    /** The pool's name, which prefixes its threads' names, e.g. {@code course-pool-3}. */
    public String name() {
        return name;
    }

    /**
     * Cancels the run if it is still going, stops the generator, discards unread results and
     * waits until every thread of the pool has ended. Idempotent. If a job ignores its context,
     * this waits for that job to finish. An interrupt while waiting is remembered and restored
     * on return.
     */
    @Override
    public void close() {
        Thread feeding;
        List<Thread> working;
        boolean started;
        synchronized (lock) {
            closed = true;
            feeding = generator;
            working = workerThreads;
            started = runContext != null;
        }
        life.cancel();
        if (!started) {
            closeResults(); // no worker will ever close the stream
        }
        boolean interrupted = false;
        while (!endSeen) {
            try {
                take();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        List<Thread> all = new ArrayList<>(working);
        if (feeding != null) {
            all.add(feeding);
        }
        for (Thread thread : all) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
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
        return "WorkerPool[" + name + ", " + workers + " " + kind.name().toLowerCase(java.util.Locale.ROOT)
                + " workers, " + state + "]";
    }

    // ---- mechanics ---------------------------------------------------------------------

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
     * A worker's loop. Plan:
     * 1. If the context is done, report its cause once and exit.
     * 2. Take a job; a wake-up goes back to step 1; the end marker is put back and ends the loop.
     * 3. If the context became done while waiting, drop the job and go back to step 1.
     * 4. Run the job, record its span, put its result (blocking while the stream is full).
     * The last worker to exit fires done and closes the stream.
     */
    private void work(int index, Context ctx) {
        JobDescriptor self = new JobDescriptor(name + "-worker-" + index, STOP_TYPE, Map.of("worker", index));
        try {
            while (true) {
                if (ctx.isDone()) {
                    deliver(Result.failed(self, ctx.cause()));
                    return;
                }
                Job<A, R> job = takeJob();
                if (job == WAKE_UP || ctx.isDone()) {
                    continue;
                }
                if (job == END_OF_JOBS) {
                    jobs.offer(job); // room is certain: nothing follows the end marker but wake-ups on cancel
                    return;
                }
                long start = System.nanoTime();
                Result<R> result = job.execute(ctx);
                timeline.record(index, job.descriptor(), start, System.nanoTime(), result.isOk());
                Thread.interrupted(); // a job's interrupt must not leak into the worker's own waits
                deliver(result);
            }
        } finally {
            if (running.decrementAndGet() == 0) {
                closeResults();
            }
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

    private void deliver(Result<R> result) {
        putUninterruptibly(results, result);
    }

    /** Fires done, then closes the results stream: the order of the Go original. Runs once. */
    private void closeResults() {
        if (resultsClosed.compareAndSet(false, true)) {
            done.complete(null);
            putUninterruptibly(results, endOfResults());
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
            results.offer(r); // let any other reader see the end too; the queue is empty behind the marker
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
