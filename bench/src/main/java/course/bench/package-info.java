/**
 * The course's JMH benchmark suite, one file per pattern ({@code PoolBench},
 * {@code SemaphoreBench}, {@code PipelineBench}, {@code CqrsBench}, {@code HandoffBench},
 * {@code PitfallsBench}), each saying what it measures and how to run it alone;
 * {@link course.bench.Suite} runs them ({@code make bench}) and writes the results that
 * {@code course.results} reads, and {@link course.bench.HandTimed} holds the workloads chapter 6
 * times by hand to show how a stopwatch misleads.
 */
package course.bench;
