package course.pipeline;

import course.pipeline.Pipeline.FilterStep;
import course.pipeline.Pipeline.Step;

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

    /** A stage with one worker and nothing else set. */
    StageSpec(String name, Work work) {
        this(name, work, 1, Pipeline.UNSET, Pipeline.UNSET, false);
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
}
