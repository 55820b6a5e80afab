/**
 * Chapter 3: pipelines. {@link Pipeline} describes a source and a chain of stages, each on its
 * own threads, connected by bounded queues; {@link PipelineRun} is one run of it (its results,
 * its cancel switch, its {@link Metrics}), and {@link PipelineException} its first error.
 * {@link BatchPerStage} is the design it replaces, {@link UserProfiles} the chapter's running
 * example, {@link PipelineCharts} the charts of a run, and {@link PipelineExercises} and
 * {@link PipelineSolutions} the exercises.
 *
 * <p>The mechanics of a run are package-private, one job to a class: {@code StageSpec} (a stage
 * as described, a sealed family of records), {@code Channel} (the queue between two stages,
 * which wakes its waiters on a stop), {@code SourceWorker} and {@code StageWorker} (the loops
 * of the stages' threads), {@code Emitter} (sends outputs, in chunks when batched),
 * {@code OrderedGate} (keeps the order across a fanned-out stage), {@code Sampler} (records
 * queue depths and heap), and {@code StopSignal} (the first reason to stop, and the switch).
 */
package course.pipeline;
