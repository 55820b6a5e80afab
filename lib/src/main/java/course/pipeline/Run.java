package course.pipeline;

import course.concurrent.Context;
import course.concurrent.internal.Durations;
import course.concurrent.internal.Join;
import course.concurrent.internal.ThreadRegistry;
import course.pipeline.Channel.Chunk;
import course.pipeline.Pipeline.Check;
import course.pipeline.Pipeline.Kind;
import course.pipeline.Pipeline.Settings;
import course.pipeline.Pipeline.Spec;
import course.pipeline.Pipeline.Step;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A running pipeline, returned by {@link Pipeline#start()}: the results to iterate, a cancel
 * switch and the measurements.
 *
 * <p><b>Results.</b> Iterate the run (once, on one thread) to take the results as they arrive;
 * {@link #toList()} and {@link #stream()} do the same. Iteration ends when the end of the stream
 * reaches the caller. If a stage failed, the next call to {@code hasNext()} throws a
 * {@link PipelineException} carrying the first error; if the run was cancelled, it throws a
 * {@link CancellationException}. Either way every thread has been joined before it throws.
 *
 * <p><b>Stopping.</b> {@link #cancel()} may be called from any thread, at any time: it marks
 * the run stopped and interrupts every stage, which then quits within a few milliseconds
 * (a step that ignores interrupts delays its own thread until it returns). A failing step
 * stops the run the same way. {@link #close()} cancels a run that has not finished and joins
 * every thread it started, the sampler included; use try-with-resources.
 *
 * <p><b>Measurements.</b> {@link #metrics()} returns a snapshot at any time, during or after
 * the run.
 *
 * <pre>{@code
 * try (Run<User> run = Pipeline.range(1, 1_000).map("user", Users::lookUp).start()) {
 *     int seen = 0;
 *     for (User user : run) {
 *         if (++seen == 10) {
 *             run.cancel();     // the stages stop; close() joins them
 *             break;
 *         }
 *     }
 *     System.out.println(run.metrics());
 * }
 * }</pre>
 *
 * @param <T> the type of the results
 */
public final class Run<T> implements Iterable<T>, AutoCloseable {
    /** How long {@link #close()} waits for the run's threads to end before it gives up and throws. */
    public static final Duration CLOSE_GRACE = Join.CLOSE_GRACE;
    /**
     * Every thread any pipeline started whose task has not finished, for leak checks. A finished
     * thread leaves it, so that a finished run and its queues can be collected.
     */
    private static final ThreadRegistry THREADS = new ThreadRegistry();
    /** The sampler keeps at most this many samples, thinning them out beyond it. */
    private static final int MAX_SAMPLES = 20_000;
    /** How long a run whose threads could not all start waits for the started ones to end. */
    private static final Duration START_FAILURE_JOIN = Duration.ofSeconds(5);

    /** Why a run stopped early: the first failure, or a cancel. */
    private sealed interface Stop permits Failure, Cancelled {
    }

    private record Failure(String stage, Object item, String note, Throwable cause) implements Stop {
    }

    /** A cancel; {@code why} is the context's cause when a context stopped the run, else null. */
    private record Cancelled(RuntimeException why) implements Stop {
    }

    /** Counters of one stage, updated by its workers. */
    private static final class Counters {
        final LongAdder in = new LongAdder();
        final LongAdder out = new LongAdder();
        final LongAdder busyNanos = new LongAdder();
        // Written only by the sampler thread.
        volatile int peakDepth;
    }

    /** One sampler reading. */
    private record Sample(long atNanos, int[] depths, long heapBytes) {
    }

    private final List<Spec> specs;
    private final Channel[] channels;      // channels[i] is the output of stage i; the last is the results
    private final Counters[] counters;     // counters[i] belongs to stage i
    private final List<Thread> stageThreads; // filled in the constructor, then never changed
    private final Thread sampler;
    private final long startNanos;

    // The first reason to stop; set at most once (compare-and-set), never cleared.
    private final AtomicReference<Stop> stop = new AtomicReference<>();
    // True once the end of the stream reached the caller. Written by the consuming thread.
    private volatile boolean finished;
    // System.nanoTime() when the run finished or was closed; 0 while it runs.
    private volatile long endNanos;
    // System.nanoTime() when the caller took the first result; 0 until then.
    private volatile long firstResultNanos;

    // Guarded by itself; appended by the sampler, copied by metrics().
    private final List<Sample> samples = new ArrayList<>();
    // The sampling period in nanoseconds; doubled by the sampler when it thins its samples.
    private volatile long samplePeriod;

    // Consumer-side cursor; touched only by the one thread that iterates.
    private final Cursor cursor = new Cursor();
    // The link to the caller's context, removed on close; NONE without a context.
    private final Context.Registration contextLink;

    Run(List<Spec> specs, Settings settings, Context context) {
        this.specs = List.copyOf(specs);
        int n = specs.size();
        this.channels = new Channel[n];
        this.counters = new Counters[n];
        for (int i = 0; i < n; i++) {
            channels[i] = new Channel(specs.get(i).capacity(), settings.waitPolicy(), this::stopped);
            counters[i] = new Counters();
        }
        this.samplePeriod = Durations.nanos(settings.sampleEvery());

        // Plan: 1. create every thread unstarted, 2. register them, 3. start them from the
        // sink end backwards, so that no stage sends to a consumer that does not exist yet.
        Thread.Builder builder = settings.virtual() ? Thread.ofVirtual() : Thread.ofPlatform().daemon(true);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Spec spec = specs.get(i);
            int index = i;
            if (spec.kind() == Kind.SOURCE) {
                threads.add(THREADS.unstarted(builder.name(threadName(spec.name(), 1)), () -> runSource(index)));
                continue;
            }
            AtomicInteger remaining = new AtomicInteger(spec.workers());
            OrderedGate gate = spec.ordered() && spec.workers() > 1
                    ? new OrderedGate(new Emitter(channels[i], spec.batch(), counters[i]), 2 * spec.workers())
                    : null;
            for (int w = 1; w <= spec.workers(); w++) {
                threads.add(THREADS.unstarted(builder.name(threadName(spec.name(), w)),
                        () -> runStage(index, remaining, gate)));
            }
        }
        this.stageThreads = List.copyOf(threads);
        // The sampler is always a virtual thread: it mostly sleeps, and a virtual thread starts
        // and ends several times faster than a platform one, a fixed cost every run pays.
        this.sampler = THREADS.unstarted(Thread.ofVirtual().name(Pipeline.THREAD_PREFIX + "sampler"), this::runSampler);
        this.startNanos = System.nanoTime();
        try {
            for (int i = stageThreads.size() - 1; i >= 0; i--) {
                stageThreads.get(i).start();
            }
            sampler.start();
        } catch (RuntimeException | OutOfMemoryError e) {
            // Could not start them all (out of threads?): stop and join the ones that did start.
            cancel();
            Join.all(allThreads(), Durations.deadlineAfter(START_FAILURE_JOIN));
            allThreads().stream().filter(t -> t.getState() == Thread.State.NEW).forEach(THREADS::forget);
            throw e;
        }
        this.contextLink = context == null ? Context.Registration.NONE
                : context.onDone(() -> cancel(context.cause()));
    }

    /** The names of the threads started by any pipeline whose task has not finished, sorted: for leak checks. */
    static List<String> liveThreads() {
        return THREADS.liveNames();
    }

    private static String threadName(String stage, int worker) {
        return Pipeline.THREAD_PREFIX + stage + "-" + worker;
    }

    // ---------------------------------------------------------------- the caller's side

    /**
     * The results, in arrival order. One pass only: every call returns the same cursor.
     * Its {@code hasNext()} throws {@link PipelineException} after a failure and
     * {@link CancellationException} after a cancel.
     */
    @Override
    public Iterator<T> iterator() {
        return cursor;
    }

    /** The remaining results as a sequential stream; closing the stream closes the run. */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(cursor,
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(this::close);
    }

    /**
     * Takes every remaining result.
     *
     * @throws PipelineException     when a stage failed
     * @throws CancellationException when the run was cancelled
     */
    public List<T> toList() {
        List<T> results = new ArrayList<>();
        cursor.forEachRemaining(results::add);
        return results;
    }

    /** Stops every stage; safe to call from any thread, any number of times. */
    public void cancel() {
        cancel(null);
    }

    private void cancel(RuntimeException why) {
        if (!finished && stop.compareAndSet(null, new Cancelled(why))) {
            halt();
        }
    }

    /** Whether the run was cancelled or failed. */
    public boolean stopped() {
        return stop.get() != null;
    }

    /** Whether the end of the stream reached the caller. */
    public boolean finished() {
        return finished;
    }

    /**
     * Waits up to {@code timeout} for every thread of this run to end. A zero or negative
     * timeout only looks; one too long to count in nanoseconds (beyond 292 years) saturates.
     *
     * @return true when all have ended
     * @throws InterruptedException when interrupted while waiting
     * @throws NullPointerException when {@code timeout} is null
     */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        return Join.interruptibly(allThreads(), Durations.deadlineAfter(timeout));
    }

    /**
     * Cancels the run unless it finished, then joins every thread it started, for at most
     * {@link #CLOSE_GRACE}. If a thread is still running then (a step that ignores interrupts),
     * it gives up and throws, naming the threads left; platform threads are daemons, and each
     * ends when its step returns. An interrupt while waiting is remembered and restored on return.
     *
     * @throws IllegalStateException when a thread of the run is still running after the grace
     */
    @Override
    public void close() {
        contextLink.remove();
        cancel();
        sampler.interrupt();
        Join.withGrace("a pipeline run of " + stageNames(), allThreads(), CLOSE_GRACE,
                "A step that ignores interrupts keeps its thread until it returns.");
        markEnd();
    }

    /** A snapshot of the measurements so far. */
    public Metrics metrics() {
        long end = endNanos;
        Duration elapsed = Duration.ofNanos((end == 0 ? System.nanoTime() : end) - startNanos);
        List<Sample> copy;
        synchronized (samples) {
            copy = new ArrayList<>(samples);
        }
        int n = specs.size();
        double[] times = new double[copy.size()];
        double[][] depths = new double[n][copy.size()];
        double[] heap = new double[copy.size()];
        for (int s = 0; s < copy.size(); s++) {
            Sample sample = copy.get(s);
            times[s] = sample.atNanos() / 1e6;
            heap[s] = sample.heapBytes() / (1024.0 * 1024.0);
            for (int i = 0; i < n; i++) {
                depths[i][s] = sample.depths()[i];
            }
        }
        List<Metrics.StageMetrics> stages = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Spec spec = specs.get(i);
            Counters c = counters[i];
            stages.add(new Metrics.StageMetrics(spec.name(), spec.workers(), c.in.sum(), c.out.sum(),
                    Duration.ofNanos(c.busyNanos.sum()), spec.capacity(), c.peakDepth));
        }
        long first = firstResultNanos;
        Duration firstResult = first == 0 ? null : Duration.ofNanos(first - startNanos);
        return new Metrics(elapsed, firstResult, stages, times, depths, heap);
    }

    /** The stage names, source first. */
    public List<String> stageNames() {
        return specs.stream().map(Spec::name).toList();
    }

    private List<Thread> allThreads() {
        List<Thread> all = new ArrayList<>(stageThreads);
        all.add(sampler);
        return all;
    }

    private void markEnd() {
        if (endNanos == 0) {
            endNanos = System.nanoTime();
        }
    }

    /** The consumer's view of the result channel. */
    private final class Cursor implements Iterator<T> {
        private Object next;               // the next result, taken but not yet returned
        private Iterator<Object> chunk;    // the rest of a chunk being handed out

        @Override
        public boolean hasNext() {
            while (next == null) {
                if (finished) {
                    return false;
                }
                throwIfStopped();
                if (chunk != null && chunk.hasNext()) {
                    next = chunk.next();
                    break;
                }
                Object element;
                try {
                    element = channels[channels.length - 1].receive();
                } catch (InterruptedException e) {
                    if (!stopped()) {
                        // The caller's own thread was interrupted: give up on the run.
                        cancel();
                        close();
                        Thread.currentThread().interrupt();
                        throw new CancellationException("interrupted while waiting for pipeline results");
                    }
                    continue; // the run stopped: the loop throws its reason
                }
                if (element == Channel.END) {
                    finished = true;
                    markEnd();
                    close();
                    return false;
                }
                if (element instanceof Chunk(List<Object> items)) {
                    chunk = items.iterator();
                } else {
                    next = element;
                }
            }
            return true;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException("the pipeline has no more results");
            }
            T result = (T) next;
            next = null;
            if (firstResultNanos == 0) {
                firstResultNanos = System.nanoTime();
            }
            return result;
        }

        private void throwIfStopped() {
            Stop reason = stop.get();
            if (reason == null) {
                return;
            }
            close();
            switch (reason) {
                case Failure f -> throw new PipelineException(f.stage(), f.item(), f.note(), f.cause());
                case Cancelled c when c.why() != null -> {
                    CancellationException e = new CancellationException("the pipeline was cancelled: " + c.why().getMessage());
                    e.initCause(c.why());
                    throw e;
                }
                case Cancelled c -> throw new CancellationException("the pipeline was cancelled");
            }
        }
    }

    // ---------------------------------------------------------------- stopping

    /** Records the first failure and stops the run; later failures are consequences and ignored. */
    private void fail(String stage, Object item, String note, Throwable cause) {
        if (stop.compareAndSet(null, new Failure(stage, item, note, cause))) {
            halt();
        }
    }

    /** Interrupts every stage thread but the caller's own, and nudges the consumer. */
    private void halt() {
        for (Thread t : allThreads()) {
            if (t != Thread.currentThread()) {
                t.interrupt();
            }
        }
        channels[channels.length - 1].wake();
    }

    // ---------------------------------------------------------------- the stages' side

    /** Sends a stage's outputs, one by one or in chunks. Used by one thread at a time. */
    private static final class Emitter {
        private final Channel out;
        private final int batch;
        private final Counters counters;
        private List<Object> buffer;

        Emitter(Channel out, int batch, Counters counters) {
            this.out = out;
            this.batch = batch;
            this.counters = counters;
            this.buffer = batch > 1 ? new ArrayList<>(batch) : null;
        }

        /** Whether the next {@link #emit} hands something to the channel (and so may wait). */
        boolean sendsNext() {
            return buffer == null || buffer.size() == batch - 1;
        }

        void emit(Object item) throws InterruptedException {
            if (buffer == null) {
                counters.out.increment();
                out.send(item);
                return;
            }
            buffer.add(item);
            if (buffer.size() == batch) {
                counters.out.add(batch);
                out.send(new Chunk(buffer));
                buffer = new ArrayList<>(batch);
            }
        }

        /**
         * Emits every item of {@code items} and returns the list the caller should fill next.
         * When {@code items} is exactly one chunk and nothing is buffered, the list itself is
         * sent as the chunk (no copy), and a fresh list is returned; otherwise the items are
         * emitted one by one and {@code items} comes back empty.
         */
        List<Object> emitAll(List<Object> items) throws InterruptedException {
            if (buffer != null && buffer.isEmpty() && items.size() == batch) {
                counters.out.add(batch);
                out.send(new Chunk(items));
                return new ArrayList<>(batch);
            }
            for (Object item : items) {
                emit(item);
            }
            items.clear();
            return items;
        }

        void flush() throws InterruptedException {
            if (buffer != null && !buffer.isEmpty()) {
                counters.out.add(buffer.size());
                out.send(new Chunk(buffer));
                buffer = new ArrayList<>(batch);
            }
        }
    }

    /**
     * Keeps the input order across the workers of one stage. Workers number the elements as
     * they take them (under takeLock), and hand their outputs back to a reorder buffer (under
     * emitLock) that sends them on strictly in number order. The window semaphore bounds how
     * far ahead of the oldest unfinished element any worker may run.
     */
    private static final class OrderedGate {
        final ReentrantLock takeLock = new ReentrantLock();
        final ReentrantLock emitLock = new ReentrantLock();
        final Semaphore window;
        final Emitter emitter;                               // guarded by emitLock
        long nextTaken;                                      // guarded by takeLock
        long nextSent;                                       // guarded by emitLock
        final Map<Long, List<Object>> waiting = new HashMap<>(); // guarded by emitLock

        OrderedGate(Emitter emitter, int window) {
            this.emitter = emitter;
            this.window = new Semaphore(window);
        }

        /** Waits for room in the window, in timed slices, giving up when the run stops. */
        void enter(java.util.function.BooleanSupplier stopped) throws InterruptedException {
            while (!window.tryAcquire(20, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                if (stopped.getAsBoolean()) {
                    throw new InterruptedException("pipeline stopped");
                }
            }
        }

        void deposit(long number, List<Object> outputs) throws InterruptedException {
            emitLock.lockInterruptibly();
            try {
                waiting.put(number, outputs);
                List<Object> ready;
                while ((ready = waiting.remove(nextSent)) != null) {
                    for (Object item : ready) {
                        emitter.emit(item);
                    }
                    nextSent++;
                    window.release();
                }
            } finally {
                emitLock.unlock();
            }
        }

        void flush() throws InterruptedException {
            emitLock.lockInterruptibly();
            try {
                emitter.flush();
            } finally {
                emitLock.unlock();
            }
        }
    }

    /** The source's loop: iterate, send, then close the output. */
    private void runSource(int index) {
        Spec spec = specs.get(index);
        Counters c = counters[index];
        Emitter emitter = new Emitter(channels[index], spec.batch(), c);
        long produced = 0;
        try {
            Iterator<?> items;
            long t0 = System.nanoTime();
            try {
                items = ((Iterable<?>) spec.work()).iterator();
            } catch (Throwable e) {
                fail(spec.name(), null, "before its first item", e);
                return;
            }
            while (!stopped()) {
                Object item;
                try {
                    if (!items.hasNext()) {
                        c.busyNanos.add(System.nanoTime() - t0);
                        break;
                    }
                    item = items.next();
                    if (item == null) {
                        throw new NullPointerException("the source yielded null; a pipeline carries no nulls");
                    }
                } catch (Throwable e) {
                    fail(spec.name(), null, "after " + produced + " items", e);
                    return;
                }
                c.in.increment();
                produced++;
                if (emitter.sendsNext()) {
                    // the clock is read only around a hand-off, which may wait: a batching
                    // source pays it once per chunk, not once per item
                    c.busyNanos.add(System.nanoTime() - t0);
                    emitter.emit(item);
                    t0 = System.nanoTime();
                } else {
                    emitter.emit(item);
                }
            }
            emitter.flush();
            if (!stopped()) {
                channels[index].close();
            }
        } catch (InterruptedException e) {
            if (!stopped()) {
                fail(spec.name(), null, "interrupted", e);
            }
        } catch (Throwable e) {
            fail(spec.name(), null, "after " + produced + " items", e);
        }
    }

    /**
     * One worker's loop: take an element, apply the step to each item in it, send the outputs;
     * at the end of the input flush, and let the last worker to finish close the output.
     */
    private void runStage(int index, AtomicInteger remaining, OrderedGate gate) {
        Spec spec = specs.get(index);
        Counters c = counters[index];
        Channel in = channels[index - 1];
        Channel out = channels[index];
        Emitter emitter = gate == null ? new Emitter(out, spec.batch(), c) : null;
        List<Object> outputs = new ArrayList<>(Math.max(spec.batch(), 10));
        try {
            while (true) {
                Object element;
                long number = 0;
                if (gate == null) {
                    element = in.receive();
                } else {
                    gate.enter(this::stopped);
                    gate.takeLock.lockInterruptibly();
                    try {
                        element = in.receive();
                        number = gate.nextTaken++;
                    } finally {
                        gate.takeLock.unlock();
                    }
                    if (element == Channel.END) {
                        gate.window.release();
                    }
                }
                if (element == Channel.END) {
                    break;
                }
                outputs = gate == null ? outputs : new ArrayList<>();
                if (!process(spec, c, element, outputs)) {
                    return;
                }
                if (gate == null) {
                    outputs = emitter.emitAll(outputs);
                } else {
                    gate.deposit(number, outputs);
                }
            }
            if (emitter != null) {
                emitter.flush();
            }
            if (remaining.decrementAndGet() == 0) {
                if (gate != null) {
                    gate.flush();
                }
                if (!stopped()) {
                    out.close();
                }
            }
        } catch (InterruptedException e) {
            if (!stopped()) {
                fail(spec.name(), null, "interrupted", e);
            }
        } catch (Throwable e) {
            fail(spec.name(), null, "", e);
        }
    }

    /**
     * Applies the stage's step to every item of one element taken from the input (an item or a
     * chunk), adding the results to {@code outputs}. The counters and the busy clock are updated
     * once per element, not per item: two clock readings cost about as much as a trivial step,
     * and a chunk's items would otherwise pay them one by one. Returns false when a step failed
     * (the failure is recorded) or the run stopped meanwhile.
     */
    private boolean process(Spec spec, Counters c, Object element, List<Object> outputs) {
        long t0 = System.nanoTime();
        int applied = 0;
        try {
            if (element instanceof Chunk(List<Object> items)) {
                for (Object item : items) {
                    applied++;
                    if (!apply(spec, item, outputs)) {
                        return false;
                    }
                }
                return true;
            }
            applied = 1;
            return apply(spec, element, outputs);
        } finally {
            c.in.add(applied);
            c.busyNanos.add(System.nanoTime() - t0);
        }
    }

    /**
     * Applies the stage's step to one item, adding its results to {@code outputs}. Returns
     * false when the step failed (the failure is recorded) or the run stopped meanwhile.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private boolean apply(Spec spec, Object item, List<Object> outputs) {
        try {
            switch (spec.kind()) {
                case MAP -> {
                    Object result = ((Step) spec.work()).apply(item);
                    outputs.add(nonNull(spec, result));
                }
                case FILTER -> {
                    if (((Check) spec.work()).test(item)) {
                        outputs.add(item);
                    }
                }
                case FLAT_MAP -> {
                    Iterable<?> results = (Iterable<?>) ((Step) spec.work()).apply(item);
                    for (Object result : nonNull(spec, results)) {
                        outputs.add(nonNull(spec, result));
                    }
                }
                case SOURCE -> throw new AssertionError("the source has no step");
            }
        } catch (Throwable e) {
            // After a stop, a step's exception (often the interrupt itself) is a consequence: ignore it.
            fail(spec.name(), item, "", e);
            return false;
        }
        return !stopped();
    }

    private static <V> V nonNull(Spec spec, V value) {
        if (value == null) {
            throw new NullPointerException("stage '" + spec.name() + "' produced null; a pipeline carries no nulls");
        }
        return value;
    }

    // ---------------------------------------------------------------- the sampler

    /** Records queue depths and heap in use until every stage thread has ended or the run is closed. */
    private void runSampler() {
        Runtime runtime = Runtime.getRuntime();
        while (true) {
            boolean stagesDone = stageThreads.stream().noneMatch(Thread::isAlive);
            sample(runtime);
            if (stagesDone || Thread.currentThread().isInterrupted()) {
                return;
            }
            try {
                Thread.sleep(Duration.ofNanos(samplePeriod));
            } catch (InterruptedException e) {
                sample(runtime);
                return;
            }
        }
    }

    private void sample(Runtime runtime) {
        int[] depths = new int[channels.length];
        for (int i = 0; i < channels.length; i++) {
            depths[i] = channels[i].depth();
            if (depths[i] > counters[i].peakDepth) {
                counters[i].peakDepth = depths[i];
            }
        }
        Sample sample = new Sample(System.nanoTime() - startNanos, depths, runtime.totalMemory() - runtime.freeMemory());
        synchronized (samples) {
            samples.add(sample);
            if (samples.size() >= MAX_SAMPLES) {
                // Keep every other sample and sample half as often from now on.
                List<Sample> kept = new ArrayList<>(MAX_SAMPLES / 2 + 1);
                for (int s = 0; s < samples.size(); s += 2) {
                    kept.add(samples.get(s));
                }
                samples.clear();
                samples.addAll(kept);
                samplePeriod *= 2;
            }
        }
    }
}
