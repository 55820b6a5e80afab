package course.pipeline;

import course.pipeline.Pipeline.FilterStep;
import course.pipeline.Pipeline.Step;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The design the streaming {@link Pipeline} replaces: each stage processes the whole batch
 * before the next stage begins, all on the calling thread.
 *
 * <p>The chain reads like a {@code Pipeline}, but every call runs its stage at once over the
 * whole list and returns a new {@code BatchPerStage} holding the stage's output list. Along the
 * way it records how long each stage took, and the largest number of items held at once (a
 * stage's input list and its output list are both alive while it runs): the memory cost of the
 * design. Nothing is returned before the last stage has seen every item, so the time to the
 * first result equals the total time.
 *
 * <p>A failing step throws a {@link PipelineException} naming the stage and the item, like the
 * streaming pipeline does.
 *
 * <pre>{@code
 * BatchPerStage<String> done = BatchPerStage.from(List.of(1, 2, 3, 4))
 *         .map("double", n -> n * 2)
 *         .filter("big", n -> n > 2)
 *         .map("text", n -> "#" + n);
 * done.toList();      // [#4, #6, #8]
 * done.timings();     // {source=..., double=..., big=..., text=...}
 * done.peakHeld();    // 8: the 4 inputs and 4 outputs of 'double'
 * }</pre>
 *
 * @param <T> the type of the items after the last stage
 */
public final class BatchPerStage<T> {
    private final List<T> items;                   // the output of the last stage; unmodifiable
    private final Map<String, Duration> timings;   // per stage, in order; unmodifiable
    private final int peakHeld;

    private BatchPerStage(List<T> items, Map<String, Duration> timings, int peakHeld) {
        this.items = Collections.unmodifiableList(items);
        this.timings = Collections.unmodifiableMap(timings);
        this.peakHeld = peakHeld;
    }

    /**
     * Runs the source, named {@code "source"}: copies every item into a list.
     *
     * @throws NullPointerException when {@code source} or one of its items is null
     */
    public static <T> BatchPerStage<T> from(Iterable<? extends T> source) {
        return from("source", source);
    }

    /** Runs a source with the given name. */
    public static <T> BatchPerStage<T> from(String name, Iterable<? extends T> source) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        long t0 = System.nanoTime();
        List<T> list = new ArrayList<>();
        for (T item : source) {
            list.add(Objects.requireNonNull(item, "the source yielded null; a pipeline carries no nulls"));
        }
        Map<String, Duration> timings = new LinkedHashMap<>();
        timings.put(name, Duration.ofNanos(System.nanoTime() - t0));
        return new BatchPerStage<>(list, timings, list.size());
    }

    /** Runs a stage that turns each item into one result. */
    public <R> BatchPerStage<R> map(String name, Step<? super T, ? extends R> step) {
        Objects.requireNonNull(step, "step of stage '" + name + "'");
        return stage(name, (item, out) -> out.add(step.apply(item)));
    }

    /** Runs a stage that keeps the items for which {@code check} is true. */
    public BatchPerStage<T> filter(String name, FilterStep<? super T> check) {
        Objects.requireNonNull(check, "check of stage '" + name + "'");
        return stage(name, (item, out) -> {
            if (check.test(item)) {
                out.add(item);
            }
        });
    }

    /** Runs a stage that turns each item into zero or more results. */
    public <R> BatchPerStage<R> flatMap(String name, Step<? super T, ? extends Iterable<? extends R>> step) {
        Objects.requireNonNull(step, "step of stage '" + name + "'");
        return stage(name, (item, out) -> {
            for (R result : step.apply(item)) {
                out.add(result);
            }
        });
    }

    /** The results of the last stage. */
    public List<T> toList() {
        return items;
    }

    /** How long each stage took, in order, source first. */
    public Map<String, Duration> timings() {
        return timings;
    }

    /** The total time of every stage. */
    public Duration elapsed() {
        return timings.values().stream().reduce(Duration.ZERO, Duration::plus);
    }

    /** The largest number of items alive at once: a stage's whole input plus its whole output. */
    public int peakHeld() {
        return peakHeld;
    }

    @FunctionalInterface
    private interface Body<I, O> {
        void accept(I item, List<O> out) throws Exception;
    }

    private <R> BatchPerStage<R> stage(String name, Body<T, R> body) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("stage name must not be blank");
        }
        if (timings.containsKey(name)) {
            throw new IllegalArgumentException("stage name '" + name + "' is already used by " + timings.keySet()
                    + "; every stage needs its own name");
        }
        long t0 = System.nanoTime();
        List<R> out = new ArrayList<>();
        for (T item : items) {
            int before = out.size();
            try {
                body.accept(item, out);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new PipelineException(name, item, "", e);
            }
            for (int i = before; i < out.size(); i++) {
                if (out.get(i) == null) {
                    throw new PipelineException(name, item, "",
                            new NullPointerException("stage '" + name + "' produced null; a pipeline carries no nulls"));
                }
            }
        }
        Map<String, Duration> next = new LinkedHashMap<>(timings);
        next.put(name, Duration.ofNanos(System.nanoTime() - t0));
        return new BatchPerStage<>(out, next, Math.max(peakHeld, items.size() + out.size()));
    }
}
