package course.pipeline;

import course.pipeline.Pipeline.FilterStep;
import course.pipeline.Pipeline.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One stage as described: its name, what it does ({@link Work}) and its settings. Immutable.
 * {@code workers} is at least 1 (exactly 1 for the source); {@code capacity} is positive,
 * {@link Pipeline#UNSET} or {@link Pipeline#UNBOUNDED}; {@code batch} is positive or UNSET.
 */
record StageSpec(String name, Work work, int workers, int capacity, int batch, boolean ordered) {
    /** What a stage does with its items: one record per kind of stage. */
    sealed interface Work permits Source, Mapping, Filtering, FlatMapping {
    }

    /** The source: iterates {@code items} afresh on every run. */
    record Source(Iterable<?> items) implements Work {
    }

    /** A map stage: one result per item. */
    record Mapping(Step<Object, ?> step) implements Work {
    }

    /** A filter stage: the items for which {@code test} answers true pass. */
    record Filtering(FilterStep<Object> test) implements Work {
    }

    /** A flat-map stage: zero or more results per item. */
    record FlatMapping(Step<Object, ? extends Iterable<?>> step) implements Work {
    }

    /**
     * A source named {@code name}.
     *
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when the name is blank, padded or holds control characters
     */
    static StageSpec source(String name, Iterable<?> items) {
        checkName(name);
        return plain(name, new Source(Objects.requireNonNull(items, "items of source '" + name + "'")));
    }

    /** A map stage; checked as {@link #source}. */
    static StageSpec map(String name, Step<?, ?> step) {
        return plain(name, new Mapping(erased(checked(name, step))));
    }

    /** A filter stage; checked as {@link #source}. */
    @SuppressWarnings("unchecked")
    static StageSpec filter(String name, FilterStep<?> test) {
        return plain(name, new Filtering((FilterStep<Object>) checked(name, test)));
    }

    /** A flat-map stage; checked as {@link #source}. */
    static StageSpec flatMap(String name, Step<?, ? extends Iterable<?>> step) {
        return plain(name, new FlatMapping(erased(checked(name, step))));
    }

    /** A stage with one worker and nothing else set. */
    private static StageSpec plain(String name, Work work) {
        return new StageSpec(name, work, 1, Pipeline.UNSET, Pipeline.UNSET, false);
    }

    /** A step as the stage workers call it: on any item. The pipeline's types make that safe. */
    @SuppressWarnings("unchecked")
    private static <O> Step<Object, O> erased(Step<?, ? extends O> step) {
        return (Step<Object, O>) step;
    }

    private static <S> S checked(String name, S step) {
        checkName(name);
        return Objects.requireNonNull(step, "step of stage '" + name + "'");
    }

    private static void checkName(String name) {
        Objects.requireNonNull(name, "stage name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("stage name must not be blank");
        }
        if (!name.strip().equals(name) || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("stage name '" + name
                    + "' must not start or end with spaces or hold control characters");
        }
    }

    boolean isSource() {
        return work instanceof Source;
    }

    StageSpec withWorkers(int n) {
        return new StageSpec(name, work, n, capacity, batch, ordered);
    }

    StageSpec withCapacity(int n) {
        return new StageSpec(name, work, workers, n, batch, ordered);
    }

    StageSpec withBatch(int n) {
        return new StageSpec(name, work, workers, capacity, n, ordered);
    }

    StageSpec withOrdered() {
        return new StageSpec(name, work, workers, capacity, batch, true);
    }

    /** This stage with the pipeline's defaults filled in where it set none. */
    StageSpec resolvedWith(PipelineSettings settings) {
        StageSpec s = capacity == Pipeline.UNSET ? withCapacity(settings.capacity()) : this;
        return batch == Pipeline.UNSET ? s.withBatch(settings.batch()) : s;
    }

    /**
     * The stage as {@link Pipeline#toString()} shows it, for example {@code profile[x8, ordered]}:
     * the name, then what differs from a plain stage of a pipeline whose default capacity is
     * {@code defaultCapacity}. For a resolved stage.
     */
    String describe(int defaultCapacity) {
        List<String> notes = new ArrayList<>();
        if (workers > 1) {
            notes.add("x" + workers);
        }
        if (ordered) {
            notes.add("ordered");
        }
        if (capacity == Pipeline.UNBOUNDED) {
            notes.add("unbounded");
        } else if (capacity != defaultCapacity) {
            notes.add("capacity " + capacity);
        }
        if (batch > 1) {
            notes.add("batch " + batch);
        }
        return notes.isEmpty() ? name : name + notes;
    }
}
