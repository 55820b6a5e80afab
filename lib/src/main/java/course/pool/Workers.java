package course.pool;

import course.concurrent.Context;
import course.concurrent.ThreadKind;
import course.concurrent.WaitPolicy;
import course.concurrent.internal.Handoff;
import course.concurrent.internal.Durations;
import course.concurrent.internal.Join;
import course.concurrent.internal.ThreadRegistry;
import course.concurrent.internal.Uninterruptibly;

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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The mechanics of {@link AbstractPool}: the generator, the jobs queue, the worker loop and the
 * results stream, with the lifecycle (closed, started) and the threads to join on close.
 *
 * <ul>
 *   <li>{@link #generateFrom} starts the <em>generator</em>, which feeds the batch into the jobs
 *       queue (capacity N), blocking while it is full, then marks its end.</li>
 *   <li>{@link #start} makes the run's context and, under the lifecycle lock, lets the pool start
 *       its threads; when the context is done, the generator stops and waiting workers wake.</li>
 *   <li>{@link #startWorker} starts one worker running the shared loop; when the loop ends, for
 *       whatever reason, it runs the pool's exit action.</li>
 *   <li>{@link #closeResults()} puts the end marker on the results stream, once.</li>
 *   <li>{@link #close(Runnable)} cancels, drains and joins every thread started here.</li>
 * </ul>
 *
 * @param <A> the jobs' argument type
 * @param <R> the jobs' result type
 */
final class Workers<A, R> {
    /** Marks the end of the batch in the jobs queue; a worker that takes it puts it back for the others. */
    private static final Job<Object, Object> END_OF_JOBS = Job.of("end-of-jobs", "sentinel", null, (c, a) -> null);
    /**
     * Offered to the jobs queue once the run's context is done, to wake workers blocked on an
     * empty queue; every worker that stops passes one on (see {@link #work}).
     */
    private static final Job<Object, Object> WAKE_UP = Job.of("wake-up", "sentinel", null, (c, a) -> null);
    /** Marks the end of the results stream; a reader that takes it puts it back for the others. */
    private static final Result<Object> END_OF_RESULTS = Result.ok(new JobDescriptor("end-of-results", "sentinel"), null);

    private final int workers;
    private final ThreadKind kind;
    /** How every wait on {@link #jobs} and {@link #results} waits, the readers' included. */
    private final WaitPolicy waitPolicy;
    private final String name;
    /** The owning pool class's registry of its threads still running, for leak checks. */
    private final ThreadRegistry registry;
    /**
     * Capacity buffer (the worker count unless given). Producers: the generator (then
     * {@link #END_OF_JOBS}), {@link #wake()}, and workers passing an end marker or a wake-up on.
     * Consumers: workers. Invariant once the run's context is done: the queue is not empty, or a
     * worker that took its last element is on its way out and will put a wake-up back.
     */
    private final BlockingQueue<Job<A, R>> jobs;
    /** Capacity buffer. Producers: workers, then {@link #closeResults()}. Consumers: readers. */
    private final BlockingQueue<Result<R>> results;
    /** Cancelled by {@link #close}; the run's context and the generator follow it. */
    private final Context life = Context.background().withCancel();
    /** Set once, by whoever puts {@link #END_OF_RESULTS}. */
    private final AtomicBoolean resultsClosed = new AtomicBoolean();
    /** Set once a reader has taken {@link #END_OF_RESULTS}. */
    private volatile boolean endSeen;

    /** Guards the lifecycle fields below. Never held while blocking. */
    private final Object lock = new Object();
    /** Set by close(); afterwards generateFrom() and start() are refused. Guarded by lock. */
    private boolean closed;
    /** The generator thread, once generateFrom() is called. Guarded by lock. */
    private Thread generator;
    /** Every thread started here (generator, workers, any coordinator), for close. Guarded by lock. */
    private final List<Thread> threads = new ArrayList<>();
    /** The workers among {@link #threads}, which close() may interrupt. Guarded by lock. */
    private final List<Thread> workerThreads = new ArrayList<>();
    /** The run's context (a child of start's argument), once start() is called; written under lock. */
    private volatile Context runContext;

    /**
     * The mechanics for a pool of {@code workers} workers of the given kind, with queues of
     * {@code buffer} elements that every thread waits on as {@code waitPolicy} says, whose threads
     * are named after {@code name} and registered in {@code registry}. The counts are checked by
     * {@link AbstractPool}, in the pool's words.
     *
     * @throws NullPointerException when an argument is null
     */
    public Workers(String name, int workers, int buffer, ThreadKind kind, WaitPolicy waitPolicy,
                   ThreadRegistry registry) {
        this.name = Objects.requireNonNull(name, "name");
        this.workers = workers;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.waitPolicy = Objects.requireNonNull(waitPolicy, "waitPolicy");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.jobs = new ArrayBlockingQueue<>(buffer);
        this.results = new ArrayBlockingQueue<>(buffer);
    }

    /**
     * Starts the generator: a thread that puts every job of {@code batch} into the jobs queue, in
     * order, blocking while it is full, then marks the end of the batch. The batch is copied now.
     *
     * @throws NullPointerException  when the batch or one of its jobs is null (the message says which)
     * @throws IllegalStateException when closed or already given a batch
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
     * Begins the run: makes its context (a child of {@code ctx} that {@link #close} also
     * cancels) and hands it to {@code starter}, which starts the pool's threads while the
     * lifecycle lock is held, so that {@link #close} sees every one of them. When the context is
     * done, the generator stops and workers waiting for a job wake up.
     *
     * @throws NullPointerException  when an argument is null
     * @throws IllegalStateException when closed or already started
     */
    public void start(Context ctx, Consumer<Context> starter) {
        Objects.requireNonNull(ctx, "ctx");
        Objects.requireNonNull(starter, "starter");
        Context context;
        synchronized (lock) {
            requireOpen("run it");
            if (runContext != null) {
                throw new IllegalStateException(name + " is already running; a pool runs once, "
                        + "so make a new pool for the next run");
            }
            context = ctx.withCancel();
            runContext = context;
            starter.accept(context);
        }
        life.onDone(context::cancel);
        context.onDone(this::wake);
    }

    /**
     * Starts worker {@code index} on the shared loop, recording its jobs in {@code timeline}.
     * The worker runs {@code onExit} as the last thing it does, however the loop ends.
     */
    public Thread startWorker(int index, Context ctx, Timeline timeline, Runnable onExit) {
        Objects.requireNonNull(ctx, "ctx");
        Objects.requireNonNull(timeline, "timeline");
        Objects.requireNonNull(onExit, "onExit");
        Thread worker = startThread(name + "-worker-" + index, () -> work(index, ctx, timeline, onExit));
        synchronized (lock) {
            workerThreads.add(worker);
        }
        return worker;
    }

    /**
     * Starts a thread of the pool named {@code threadName}, registered among the live threads
     * until its task ends, and joined by {@link #close}.
     */
    public Thread startThread(String threadName, Runnable task) {
        Thread thread = registry.start(registry.unstarted(kind.builder().name(threadName), task));
        synchronized (lock) {
            threads.add(thread);
        }
        return thread;
    }

    /** Closes the results stream: puts its end marker, once. Later calls do nothing. */
    public void closeResults() {
        if (resultsClosed.compareAndSet(false, true)) {
            putUninterruptibly(results, endOfResults());
        }
    }

    /**
     * The next result, waiting for one if need be; empty once the stream is closed and every
     * result has been read.
     *
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    public Optional<Result<R>> take() throws InterruptedException {
        return received(Handoff.take(waitPolicy, results));
    }

    /**
     * The next result if one arrives within {@code timeout}; empty if none does <em>or</em> if the
     * stream is closed (then {@link #isClosed()} is true).
     *
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    public Optional<Result<R>> poll(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        return received(Handoff.poll(waitPolicy, results, Durations.nanos(timeout), TimeUnit.NANOSECONDS));
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

    /** {@code closed}, {@code not started}, {@code finished} or {@code running}. */
    public String state() {
        synchronized (lock) {
            return closed ? "closed" : runContext == null ? "not started" : endSeen ? "finished" : "running";
        }
    }

    /**
     * Cancels the run if it is still going, stops the generator, discards unread results and
     * waits until every thread started here has ended, for at most {@code grace}. If the run
     * never started, {@code ifNeverStarted} runs first: it must close the results stream, since
     * no worker will. Workers still busy after {@link AbstractPool#CLOSE_NUDGE} are interrupted,
     * for jobs that ignore their context but not interrupts. Idempotent. An interrupt while
     * waiting is remembered and restored on return.
     *
     * @throws IllegalStateException when a thread of the pool is still running after
     *                               {@code grace}; the message names it
     */
    public void close(Runnable ifNeverStarted, Duration grace) {
        Objects.requireNonNull(grace, "grace");
        boolean started;
        synchronized (lock) {
            closed = true;
            started = runContext != null;
        }
        life.cancel();
        if (!started) {
            ifNeverStarted.run();
        }
        long begin = System.nanoTime();
        long graceNanos = Math.max(0, Durations.nanos(grace));
        long nudgeAt = begin + Math.min(AbstractPool.CLOSE_NUDGE.toNanos(), graceNanos);
        long deadline = begin + graceNanos;
        boolean nudged = false;
        try (Uninterruptibly.Scope scope = Uninterruptibly.scope()) {   // restores an interrupt on return
            // Read the stream to its end, discarding, so that no worker stays blocked on a full one.
            while (!endSeen) {
                long now = System.nanoTime();
                if (!nudged && now - nudgeAt >= 0) {
                    interruptWorkers();
                    nudged = true;
                }
                long until = nudged ? deadline : nudgeAt;
                if (nudged && until - now <= 0) {
                    throw stuck(grace);
                }
                scope.call(() -> poll(Duration.ofNanos(Math.max(1, until - System.nanoTime()))));
            }
            // A thread may start another (a coordinator its workers): join until no new one appears.
            for (int joined = 0; ; ) {
                List<Thread> all;
                synchronized (lock) {
                    all = List.copyOf(threads.subList(joined, threads.size()));
                }
                if (all.isEmpty()) {
                    break;
                }
                if (!Join.all(all, deadline)) {
                    throw stuck(grace);
                }
                joined += all.size();
            }
        }
    }

    private void interruptWorkers() {
        List<Thread> busy;
        synchronized (lock) {
            busy = List.copyOf(workerThreads);
        }
        busy.forEach(Thread::interrupt);
    }

    /** The error close() throws when a thread outlives its grace, naming every such thread. */
    private IllegalStateException stuck(Duration grace) {
        List<Thread> all;
        synchronized (lock) {
            all = List.copyOf(threads);
        }
        return Join.gaveUp(name, all, grace, "close() cancelled the run and interrupted its workers",
                "A job that ignores both its context and interrupts keeps its worker until it returns; "
                        + "the thread is a daemon and ends when the job does.");
    }

    /** Puts {@code item} on {@code queue}, waiting through interrupts; an interrupt is restored on return. */
    private <T> void putUninterruptibly(BlockingQueue<T> queue, T item) {
        Uninterruptibly.run(() -> Handoff.put(waitPolicy, queue, item));
    }

    // ---- mechanics ---------------------------------------------------------------------

    /** The generator's loop: feed every job, then the end marker; stop quietly when interrupted. */
    private void generate(List<Job<A, R>> batch) {
        try {
            for (Job<A, R> job : batch) {
                if (stopping()) {
                    return;
                }
                Handoff.put(waitPolicy, jobs, job);
            }
            Handoff.put(waitPolicy, jobs, endOfJobs());
        } catch (InterruptedException e) {
            // the run was cancelled or the pool closed: nobody will take more jobs
        }
    }

    /**
     * A worker's loop. Plan:
     * 1. If the context is done, pass a wake-up on to the next waiting worker, report the
     *    context's cause once and exit.
     * 2. Take a job; a wake-up goes back to step 1; the end marker is put back and ends the loop.
     * 3. If the context became done while waiting, drop the job and go back to step 1.
     * 4. Run the job, record its span, put its result (blocking while the stream is full).
     * On exit, whatever the reason, run the pool's exit action.
     *
     * <p>Why step 1 passes a wake-up on (issue 12, defect 1). When the run stops, workers may be
     * parked on the empty jobs queue, and only an element in the queue wakes them: they ignore
     * interrupts there, since only the context may stop a worker. {@link #wake()} cannot put one
     * wake-up per worker: the queue holds only {@code buffer} elements, its offers fail once it is
     * full, and the canceller's thread must not block. So with a buffer smaller than the worker
     * count (say 1 for 4 workers) it used to wake about {@code buffer} of them, none at all when
     * the end marker already filled the queue; the others waited for ever, the stream never
     * closed and close() gave up. Now every stopping worker passes one wake-up on, as the end
     * marker is passed on: a relay in which each element taken after the stop is given back
     * before its taker leaves, so a parked worker always finds one, whatever the buffer. The
     * offer cannot be lost: if it fails, the queue is full, so not empty, and the next taker
     * passes one on in turn. (A worker that ends on the end marker passes that on instead.)
     */
    private void work(int index, Context ctx, Timeline timeline, Runnable onExit) {
        JobDescriptor self = new JobDescriptor(name + "-worker-" + index, WorkerPool.STOP_TYPE, Map.of("worker", index));
        try {
            while (true) {
                if (ctx.isDone()) {
                    jobs.offer(wakeUp()); // the relay: wake the next worker waiting for a job, if any
                    putUninterruptibly(results, Result.failed(self, ctx.cause()));
                    return;
                }
                Job<A, R> job = takeJob();
                if (job == WAKE_UP || ctx.isDone()) {
                    continue;
                }
                if (job == END_OF_JOBS) {
                    // Pass the end on. Room is certain while the run goes on (the end marker comes
                    // last); after a stop, a failed offer means a wake-up already fills the queue.
                    jobs.offer(job);
                    return;
                }
                long start = System.nanoTime();
                Result<R> result = job.execute(ctx);
                timeline.record(index, job.descriptor(), start, System.nanoTime(), result.isOk());
                Thread.interrupted(); // a job's interrupt must not leak into the worker's own waits
                putUninterruptibly(results, result);
            }
        } finally {
            onExit.run();
        }
    }

    /**
     * Takes the next job, waiting through interrupts: only the pool may stop a worker, through the
     * context. An interrupt that came while it waited is cleared, not passed to the job.
     */
    private Job<A, R> takeJob() {
        Job<A, R> job = Uninterruptibly.call(() -> Handoff.take(waitPolicy, jobs));
        Thread.interrupted();
        return job;
    }

    /**
     * Called when the run's context is done: stop the generator, wake workers waiting for jobs.
     * It offers a wake-up per worker but stops at a full queue (it runs in the canceller's thread
     * and must not block), so it may wake only {@code buffer} of them; every worker it wakes
     * wakes the next one as it stops (see {@link #work}), and so every waiting worker wakes.
     */
    private void wake() {
        interruptGenerator();
        for (int i = 0; i < workers; i++) {
            if (!jobs.offer(wakeUp())) {
                break; // full, hence not empty: the workers' relay wakes the rest
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
