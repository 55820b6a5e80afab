package course.pipeline;

import course.concurrent.Context;
import course.concurrent.internal.Durations;
import course.concurrent.internal.Join;
import course.concurrent.internal.ThreadRegistry;
import course.pipeline.Channel.Chunk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A running pipeline, returned by {@link Pipeline#start()}: the results to iterate, a cancel
 * switch and the measurements.
 *
 * <p><b>Results.</b> Iterate the run once, on one thread, to take the results as they arrive;
 * {@link #toList()} and {@link #stream()} do the same. A second call to {@link #iterator()}
 * throws {@link IllegalStateException}: a run's results can be taken only once. Iteration ends
 * when the end of the stream reaches the caller. If a stage failed, the next call to
 * {@code hasNext()} throws a {@link PipelineException} carrying the first error; if the run was
 * cancelled, it throws a {@link CancellationException}. Either way every thread has been joined
 * before it throws.
 *
 * <p><b>Stopping.</b> {@link #cancel()} may be called from any thread, at any time: it marks
 * the run stopped, wakes every thread waiting on one of its queues, and interrupts every stage,
 * which then quits at once (a step that ignores interrupts delays its own thread until it
 * returns). A failing step stops the run the same way. {@link #close()} cancels a run that has
 * not finished and joins every thread it started, the sampler included; use try-with-resources.
 *
 * <p><b>Measurements.</b> {@link #metrics()} returns a snapshot at any time, during or after
 * the run.
 *
 * <pre>{@code
 * try (PipelineRun<Integer> run = Pipeline.range(1, 1_000).map("square", n -> n * n).start()) {
 *     int seen = 0;
 *     for (int square : run) {
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
public final class PipelineRun<T> implements Iterable<T>, AutoCloseable {
    /** How long {@link #close()} waits for the run's threads to end before it gives up and throws. */
    public static final Duration CLOSE_GRACE = Join.CLOSE_GRACE;
    /**
     * Every thread any pipeline started whose task has not finished, for leak checks. A finished
     * thread leaves it, so that a finished run and its queues can be collected.
     */
    private static final ThreadRegistry THREADS = new ThreadRegistry();
    /** How long a run whose threads could not all start waits for the started ones to end. */
    private static final Duration START_FAILURE_JOIN = Duration.ofSeconds(5);

    private final List<StageSpec> specs;
    private final Channel[] channels;        // channels[i] is the output of stage i; the last is the results
    private final StageCounters[] counters;  // counters[i] belongs to stage i
    private final List<OrderedGate> gates;   // one per ordered stage with several workers
    private final List<Thread> stageThreads; // filled in the constructor, then never changed
    private final Sampler sampler;
    private final Thread samplerThread;
    private final long startNanos;
    private final StopSignal stop = new StopSignal(this::halt);

    // True once the end of the stream reached the caller. Written by the consuming thread.
    private volatile boolean finished;
    // System.nanoTime() when the run finished or was closed; 0 while it runs.
    private volatile long endNanos;
    // System.nanoTime() when the caller took the first result; 0 until then.
    private volatile long firstResultNanos;
    // Set by the first call to iterator(); a second one throws.
    private final AtomicBoolean iterated = new AtomicBoolean();
    // Consumer-side cursor; touched only by the one thread that iterates.
    private final Cursor cursor = new Cursor();
    // The link to the caller's context, removed on close; NONE without a context.
    private final Context.Registration contextLink;

    PipelineRun(List<StageSpec> specs, PipelineSettings settings, Context context) {
        this.specs = List.copyOf(specs);
        int n = specs.size();
        this.channels = new Channel[n];
        this.counters = new StageCounters[n];
        for (int i = 0; i < n; i++) {
            channels[i] = new Channel(specs.get(i).capacity(), settings.waitPolicy());
            counters[i] = new StageCounters();
        }
        // Plan: 1. create every thread unstarted, 2. register them, 3. start them from the
        // sink end backwards, so that no stage sends to a consumer that does not exist yet.
        Thread.Builder builder = settings.virtual() ? Thread.ofVirtual() : Thread.ofPlatform().daemon(true);
        List<Thread> threads = new ArrayList<>();
        List<OrderedGate> orderedGates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StageSpec spec = specs.get(i);
            if (spec.isSource()) {
                threads.add(THREADS.unstarted(builder.name(threadName(spec.name(), 1)),
                        new SourceWorker(spec, counters[i], channels[i], stop)));
                continue;
            }
            AtomicInteger remaining = new AtomicInteger(spec.workers());
            OrderedGate gate = null;
            if (spec.ordered() && spec.workers() > 1) {
                gate = new OrderedGate(new Emitter(channels[i], spec.batch(), counters[i]), 2 * spec.workers());
                orderedGates.add(gate);
            }
            for (int w = 1; w <= spec.workers(); w++) {
                threads.add(THREADS.unstarted(builder.name(threadName(spec.name(), w)),
                        new StageWorker(spec, counters[i], channels[i - 1], channels[i], gate, remaining, stop)));
            }
        }
        this.gates = List.copyOf(orderedGates);
        this.stageThreads = List.copyOf(threads);
        this.startNanos = System.nanoTime();
        this.sampler = new Sampler(channels, counters, stageThreads, startNanos, Durations.nanos(settings.sampleEvery()));
        // The sampler is always a virtual thread: it mostly sleeps, and a virtual thread starts
        // and ends faster than a platform one, a fixed cost every run pays.
        this.samplerThread = THREADS.unstarted(Thread.ofVirtual().name(Pipeline.THREAD_PREFIX + "sampler"), sampler);
        try {
            for (int i = stageThreads.size() - 1; i >= 0; i--) {
                stageThreads.get(i).start();
            }
            samplerThread.start();
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

    /**
     * The results, in arrival order. One pass only: its {@code hasNext()} throws
     * {@link PipelineException} after a failure and {@link CancellationException} after a cancel.
     *
     * @throws IllegalStateException when called a second time on this run
     */
    @Override
    public Iterator<T> iterator() {
        if (!iterated.compareAndSet(false, true)) {
            throw new IllegalStateException("iterator() was already called on this pipeline run: "
                    + "a run's results can be iterated only once (start the pipeline again for a second pass)");
        }
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
        if (!finished) {
            stop.cancel(why);
        }
    }

    /** Whether the run was cancelled or failed. */
    public boolean stopped() {
        return stop.stopped();
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
        samplerThread.interrupt();
        Join.withGrace("a pipeline run of " + stageNames(), allThreads(), CLOSE_GRACE,
                "A step that ignores interrupts keeps its thread until it returns.");
        markEnd();
    }

    /** A snapshot of the measurements so far. */
    public Metrics metrics() {
        long end = endNanos;
        Duration elapsed = Duration.ofNanos((end == 0 ? System.nanoTime() : end) - startNanos);
        List<Metrics.StageMetrics> stages = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            StageSpec spec = specs.get(i);
            StageCounters c = counters[i];
            stages.add(new Metrics.StageMetrics(spec.name(), spec.workers(), c.in.sum(), c.out.sum(),
                    Duration.ofNanos(c.busyNanos.sum()), spec.capacity(), c.peakDepth));
        }
        long first = firstResultNanos;
        Duration firstResult = first == 0 ? null : Duration.ofNanos(first - startNanos);
        return sampler.metrics(elapsed, firstResult, stages);
    }

    /** The stage names, source first. */
    public List<String> stageNames() {
        return specs.stream().map(StageSpec::name).toList();
    }

    private List<Thread> allThreads() {
        List<Thread> all = new ArrayList<>(stageThreads);
        all.add(samplerThread);
        return all;
    }

    private void markEnd() {
        if (endNanos == 0) {
            endNanos = System.nanoTime();
        }
    }

    /** Run by the first stop: wakes every thread waiting on a queue, and interrupts every stage but the caller. */
    private void halt() {
        for (Channel channel : channels) {
            channel.stop();
        }
        for (OrderedGate gate : gates) {
            gate.stop();
        }
        for (Thread t : allThreads()) {
            if (t != Thread.currentThread()) {
                t.interrupt();
            }
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
            RuntimeException reason = stop.exception();
            if (reason != null) {
                close();
                throw reason;
            }
        }
    }
}
