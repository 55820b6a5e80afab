/**
 * The course's one chart layer: every chart of every chapter is built by
 * {@link course.charts.Charts}, as a {@link course.charts.LineChart} or a
 * {@link course.charts.BarChart}, in one look ({@link course.charts.ChartStyle}: data in colour,
 * every reference in grey) on axes chosen from the data ({@link course.charts.Axes}), and
 * returned as an image that the kernel shows. {@link course.charts.FlowDiagram} draws a pattern's
 * threads, bounded queues and stores, in the same palette, as the picture at the top of a chapter.
 *
 * <pre>{@code
 * Charts.line("Speed-up", "workers", "speed-up (×)")
 *         .series("measured", workers, speedups)
 *         .reference("ideal", workers, workers)
 *         .image();
 * }</pre>
 */
package course.charts;
