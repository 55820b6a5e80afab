package course.pipeline;

import course.concurrent.Context;
import course.concurrent.ThreadKind;
import course.concurrent.WaitPolicy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * A streaming pipeline: a source and a chain of stages, each on its own thread or threads,
 * connected by bounded queues.
 *
 * <p>A {@code Pipeline} is an immutable <em>description</em>. Every call returns a new
 * description, so a prefix can be kept in a variable and extended in several ways. Nothing
 * runs until a terminal call: {@link #toList()}, {@link #forEach(Consumer)} or
 * {@link #start()}.
 *
 * <h2>Stages</h2>
 * <ul>
 *   <li>{@link #from(Iterable)} (or {@link #range(int, int)}): the source, one thread that
 *       iterates the items and sends them on.</li>
 *   <li>{@link #map(String, Step)}: one output per input.</li>
 *   <li>{@link #filter(String, FilterStep)}: the inputs that pass the test.</li>
 *   <li>{@link #flatMap(String, Step)}: zero or more outputs per input.</li>
 * </ul>
 * Every stage has a name, unique in its pipeline, that appears in thread names
 * ({@code pipeline-<stage>-<n>}), in {@link Metrics} and in {@link PipelineException}s.
 * A step may throw any exception (a lookup may sleep without a {@code try}); the first
 * exception stops the whole pipeline. Steps may not return {@code null}: a pipeline carries
 * no nulls, and a null is reported as that stage's failure.
 *
 * <h2>Settings of the last stage added</h2>
 * <ul>
 *   <li>{@link #workers(int)}: how many threads run the stage (fan-out). Their outputs merge
 *       into one queue (fan-in) in whatever order they finish. Default 1; the source always
 *       has one.</li>
 *   <li>{@link #ordered()}: keep the input order across a fanned-out stage. Cost: results
 *       leave in sequence, so one slow item holds back every item behind it (head-of-line
 *       blocking), up to {@code 2 × workers} items wait in a reorder buffer, and taking and
 *       emitting become serialised under two locks. A pipeline whose stages all have one
 *       worker keeps its order anyway.</li>
 *   <li>{@link #capacity(int)}: the capacity of the stage's <em>output</em> queue, in queue
 *       elements (items, or chunks when batched). A full queue blocks the stage: that is
 *       backpressure.</li>
 *   <li>{@link #unbounded()}: an output queue without a bound. It exists only to show the
 *       memory cost of having no backpressure; a fast producer then fills the heap.</li>
 *   <li>{@link #batch(int)}: send the stage's outputs in chunks of this many items, so that
 *       one queue hand-off moves a chunk instead of one item. The last chunk may be short.</li>
 * </ul>
 *
 * <h2>Settings of the whole pipeline</h2>
 * {@link #defaultCapacity(int)} (16 unless set) and {@link #defaultBatch(int)} (1 unless set)
 * apply to every stage that sets none of its own. {@link #threads(ThreadKind)} (or the short
 * {@link #virtualThreads()}) runs every stage on virtual threads instead of platform threads, the
 * default; platform threads are daemons. {@link #sampleEvery(Duration)} sets how often a sampler
 * thread (always virtual), {@code pipeline-sampler}, records the queue depths and heap in use (10 ms unless set);
 * it stops by itself when the stages have ended. {@link #waitPolicy(WaitPolicy)} sets how the
 * stages and the caller wait on the queues ({@link WaitPolicy#SPIN_THEN_PARK} unless set).
 * {@link #liveThreads()} lists the threads of every run not yet ended, virtual ones included,
 * for leak checks.
 *
 * <h2>Running</h2>
 * {@link #start()} starts every thread and returns a {@link PipelineRun}: iterate it (once) for
 * the results on the calling thread, cancel it, read its metrics, and close it
 * (try-with-resources). The end of the stream travels in order: each stage drains its input,
 * then closes its output, and the last worker of a fanned-out stage closes for all. Cancelling,
 * or a failing step, stops every stage promptly: every thread waiting on a queue wakes at once,
 * and every step is interrupted. The caller gets the first error as a {@link PipelineException} naming
 * the stage and the item, and closing a run joins every thread it started. A run started with
 * {@link #start(Context)} or {@link #toList(Context)} also stops when its
 * {@link Context} is cancelled or its deadline passes.
 *
 * <pre>{@code
 * UserProfiles example = new UserProfiles();
 * List<String> names = Pipeline.from(UserProfiles.ids(100))
 *         .map("user", example::user).workers(8)
 *         .filter("active", user -> user.active())
 *         .map("name", user -> user.username())
 *         .toList();
 * }</pre>
 *
 * @param <T> the type of the items that leave the last stage
 */
public final class Pipeline<T> {
    /** Every thread a pipeline starts has a name that begins with this. */
    public static final String THREAD_PREFIX = "pipeline-";
    /** The queue capacity of a stage that sets none, unless {@link #defaultCapacity(int)} says otherwise. */
    public static final int DEFAULT_CAPACITY = 16;
    /** The sampling interval unless {@link #sampleEvery(Duration)} says otherwise. */
    public static final Duration DEFAULT_SAMPLE_INTERVAL = Duration.ofMillis(10);

    /**
     * The work of a map or flat-map stage: one input in, one result out. It may throw; the
     * first exception stops the pipeline.
     */
    @FunctionalInterface
    public interface Step<I, O> {
        O apply(I item) throws Exception;
    }

    /** The test of a filter stage: items for which it answers {@code true} pass. It may throw. */
    @FunctionalInterface
    public interface FilterStep<I> {
        boolean test(I item) throws Exception;
    }

    /** Marks a capacity, batch or worker count the stage did not set (the pipeline's default applies). */
    static final int UNSET = 0;
    /** The capacity of an unbounded queue. */
    static final int UNBOUNDED = -1;

    // The stages in order; the first is always the source. Never empty, never shared mutably.
    private final List<StageSpec> specs;
    private final PipelineSettings settings;

    private Pipeline(List<StageSpec> specs, PipelineSettings settings) {
        this.specs = List.copyOf(specs);
        this.settings = settings;
    }

    /**
     * Starts a description whose source, named {@code "source"}, sends {@code items} in their
     * iteration order. The items are iterated afresh on every run.
     *
     * @throws NullPointerException when {@code items} is null
     */
    public static <T> Pipeline<T> from(Iterable<? extends T> items) {
        return from("source", items);
    }

    /**
     * Starts a description whose source has the given name.
     *
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when the name is blank
     */
    public static <T> Pipeline<T> from(String name, Iterable<? extends T> items) {
        return new Pipeline<>(List.of(StageSpec.source(name, items)), PipelineSettings.DEFAULTS);
    }

    /**
     * Starts a description whose source, named {@code "source"}, sends the integers
     * {@code first..last} inclusive without building a list.
     *
     * @throws IllegalArgumentException when {@code last < first - 1}
     */
    public static Pipeline<Integer> range(int first, int last) {
        if ((long) last < (long) first - 1) {
            throw new IllegalArgumentException("range " + first + ".." + last + " runs backwards");
        }
        return from("source", new IntRange(first, last));
    }

    /**
     * Adds a stage that turns each item into one result.
     *
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when the name is blank or already used in this pipeline
     */
    public <R> Pipeline<R> map(String name, Step<? super T, ? extends R> step) {
        return add(StageSpec.map(name, step));
    }

    /**
     * Adds a stage that passes on the items for which {@code test} is true.
     *
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when the name is blank or already used in this pipeline
     */
    public Pipeline<T> filter(String name, FilterStep<? super T> test) {
        return add(StageSpec.filter(name, test));
    }

    /**
     * Adds a stage that turns each item into zero or more results, sent in the order the
     * iterable yields them.
     *
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when the name is blank or already used in this pipeline
     */
    public <R> Pipeline<R> flatMap(String name, Step<? super T, ? extends Iterable<? extends R>> step) {
        return add(StageSpec.flatMap(name, step));
    }

    /**
     * Runs the last stage added on {@code n} threads whose outputs merge into one queue.
     *
     * @throws IllegalArgumentException when {@code n < 1}, or when the last stage is the source
     */
    public Pipeline<T> workers(int n) {
        StageSpec last = last();
        if (n < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + n + " for stage '" + last.name() + "'");
        }
        if (last.isSource() && n != 1) {
            throw new IllegalArgumentException("the source '" + last.name()
                    + "' runs on one thread; workers(" + n + ") applies to map, filter and flatMap stages");
        }
        return replaceLast(last.withWorkers(n));
    }

    /**
     * Keeps the input order across the last stage added, even when it has several workers.
     * See the class comment for what this costs.
     *
     * @throws IllegalArgumentException when the last stage is the source, which is always in order
     */
    public Pipeline<T> ordered() {
        StageSpec last = last();
        if (last.isSource()) {
            throw new IllegalArgumentException("the source '" + last.name()
                    + "' is always in order; ordered() applies to map, filter and flatMap stages");
        }
        return replaceLast(last.withOrdered());
    }

    /**
     * Bounds the output queue of the last stage added to {@code n} elements.
     *
     * @throws IllegalArgumentException when {@code n < 1}
     */
    public Pipeline<T> capacity(int n) {
        StageSpec last = last();
        if (n < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + n + " for stage '" + last.name()
                    + "' (use unbounded() to demonstrate a queue without a bound)");
        }
        return replaceLast(last.withCapacity(n));
    }

    /**
     * Gives the last stage added an output queue without a bound: no backpressure, so a fast
     * stage can fill the heap. For demonstrations only.
     */
    public Pipeline<T> unbounded() {
        return replaceLast(last().withCapacity(UNBOUNDED));
    }

    /**
     * Sends the outputs of the last stage added in chunks of {@code n} items.
     *
     * @throws IllegalArgumentException when {@code n < 1}
     */
    public Pipeline<T> batch(int n) {
        StageSpec last = last();
        if (n < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + n + " for stage '" + last.name() + "'");
        }
        return replaceLast(last.withBatch(n));
    }

    /**
     * Sets the queue capacity of every stage that sets none of its own.
     *
     * @throws IllegalArgumentException when {@code n < 1}
     */
    public Pipeline<T> defaultCapacity(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("default capacity must be at least 1, got " + n);
        }
        return new Pipeline<>(specs, settings.withCapacity(n));
    }

    /**
     * Sets the batch size of every stage that sets none of its own.
     *
     * @throws IllegalArgumentException when {@code n < 1}
     */
    public Pipeline<T> defaultBatch(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("default batch size must be at least 1, got " + n);
        }
        return new Pipeline<>(specs, settings.withBatch(n));
    }

    /** Runs every stage on threads of this kind (platform threads unless set). */
    public Pipeline<T> threads(ThreadKind kind) {
        Objects.requireNonNull(kind, "kind");
        return new Pipeline<>(specs, settings.withVirtual(kind == ThreadKind.VIRTUAL));
    }

    /** Runs every stage on virtual threads: short for {@code threads(ThreadKind.VIRTUAL)}. */
    public Pipeline<T> virtualThreads() {
        return threads(ThreadKind.VIRTUAL);
    }

    /** Runs every stage on platform threads (the default): short for {@code threads(ThreadKind.PLATFORM)}. */
    public Pipeline<T> platformThreads() {
        return threads(ThreadKind.PLATFORM);
    }

    /**
     * Sets how often the sampler records queue depths and heap in use.
     *
     * @throws IllegalArgumentException when the interval is not positive
     */
    public Pipeline<T> sampleEvery(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("sampling interval must be positive, got " + interval);
        }
        return new Pipeline<>(specs, settings.withSampleEvery(interval));
    }

    /**
     * Sets how every stage waits on a full or empty queue, and the caller on the results:
     * {@link WaitPolicy#PARK} blocks at once, as a plain {@code ArrayBlockingQueue} does;
     * {@link WaitPolicy#SPIN_THEN_PARK}, the default, yields the core a few times first.
     */
    public Pipeline<T> waitPolicy(WaitPolicy waitPolicy) {
        Objects.requireNonNull(waitPolicy, "waitPolicy");
        return new Pipeline<>(specs, settings.withWaitPolicy(waitPolicy));
    }

    /** Starts every stage and returns the running pipeline. Close it when done. */
    public PipelineRun<T> start() {
        return new PipelineRun<>(resolved(), settings, null);
    }

    /**
     * Starts every stage under {@code context}: when the context is cancelled or its deadline
     * passes, the run is cancelled, and iterating it throws a {@link CancellationException}
     * whose cause is the context's ({@code context canceled} or {@code context deadline exceeded}).
     *
     * @throws NullPointerException when {@code context} is null
     */
    public PipelineRun<T> start(Context context) {
        Objects.requireNonNull(context, "context");
        return new PipelineRun<>(resolved(), settings, context);
    }

    /**
     * Runs the pipeline to its end under {@code context} and returns every result.
     *
     * @throws PipelineException when a stage fails (its first error)
     * @throws CancellationException when the context is done first; its
     *         cause is the context's
     */
    public List<T> toList(Context context) {
        try (PipelineRun<T> run = start(context)) {
            return run.toList();
        }
    }

    /**
     * Runs the pipeline to its end and returns every result, in arrival order.
     *
     * @throws PipelineException when a stage fails (its first error)
     * @throws CancellationException when the run is cancelled or the
     *         calling thread is interrupted
     */
    public List<T> toList() {
        try (PipelineRun<T> run = start()) {
            return run.toList();
        }
    }

    /**
     * Runs the pipeline to its end, handing every result to {@code action} on the calling thread.
     * If {@code action} throws, the pipeline is cancelled and the exception propagates.
     *
     * @throws PipelineException when a stage fails (its first error)
     */
    public void forEach(Consumer<? super T> action) {
        Objects.requireNonNull(action, "action");
        try (PipelineRun<T> run = start()) {
            for (T item : run) {
                action.accept(item);
            }
        }
    }

    /**
     * The names of the threads, started by any pipeline in this JVM, that are still alive,
     * sorted. Empty when every run has stopped and been closed. Works for virtual threads too,
     * which thread dumps by {@link Thread#getAllStackTraces()} do not list.
     */
    public static List<String> liveThreads() {
        return PipelineRun.liveThreads();
    }

    /** The stage names in order, source first. */
    public List<String> stageNames() {
        return specs.stream().map(StageSpec::name).toList();
    }

    /** For example {@code source -> user[x4] -> active -> profile[x8, ordered]}. */
    @Override
    public String toString() {
        return String.join(" -> ", resolved().stream().map(spec -> spec.describe(settings.capacity())).toList());
    }

    /** The specs with the pipeline's defaults filled in. */
    List<StageSpec> resolved() {
        return specs.stream().map(spec -> spec.resolvedWith(settings)).toList();
    }

    private <R> Pipeline<R> add(StageSpec stage) {
        String name = stage.name();
        for (int i = 0; i < specs.size(); i++) {
            if (specs.get(i).name().equals(name)) {
                throw new IllegalArgumentException("stage name '" + name + "' is already used by stage " + (i + 1)
                        + " of " + stageNames() + "; every stage needs its own name");
            }
        }
        List<StageSpec> next = new ArrayList<>(specs);
        next.add(stage);
        return new Pipeline<>(next, settings);
    }

    private StageSpec last() {
        return specs.getLast();
    }

    private Pipeline<T> replaceLast(StageSpec spec) {
        List<StageSpec> next = new ArrayList<>(specs);
        next.set(next.size() - 1, spec);
        return new Pipeline<>(next, settings);
    }
}
