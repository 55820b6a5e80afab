/**
 * Chapter 3: pipelines. {@link course.pipeline.Pipeline} describes a source and a chain of
 * stages, each on its own threads, connected by bounded queues; {@link course.pipeline.Run} is
 * one run of it (its results, its cancel switch, its {@link course.pipeline.Metrics}), and
 * {@link course.pipeline.PipelineException} its first error. {@link course.pipeline.BatchPerStage}
 * is the design it replaces, {@link course.pipeline.UserProfiles} the chapter's running example,
 * {@link course.pipeline.PipelineCharts} the charts of a run, and
 * {@link course.pipeline.PipelineExercises} and {@link course.pipeline.PipelineSolutions} the exercises.
 */
package course.pipeline;
