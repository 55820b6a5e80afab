/**
 * Chapter 6: the JMH suite's results. {@link course.results.Results} reads JMH's JSON and the
 * machine record {@code make bench} writes beside it into {@link course.results.RunResults} of
 * {@link course.results.BenchResult}s; {@link course.results.Comparison} compares two of them by
 * their confidence intervals, {@link course.results.Target} checks the library's performance
 * targets, and {@link course.results.ResultCharts} draws two runs side by side.
 * {@link course.results.ResultsExercises} checks the chapter's exercises and
 * {@link course.results.ResultsSolutions} holds their model answers.
 */
package course.results;
