/**
 * What every notebook asks first: {@link course.Course} (the machine's facts, quick or full
 * mode, where the data folder is) and {@link course.Numbers} (how a measured number is printed,
 * in observations and on charts alike).
 *
 * <p>The rest of the library: the runtime every chapter stands on ({@code course.concurrent}),
 * one package per chapter ({@code course.pool}, {@code course.semaphore}, {@code course.pipeline},
 * {@code course.cqrs}, {@code course.results}), and the shared tools of the notebooks
 * ({@code course.charts}, {@code course.data}, {@code course.evidence}, {@code course.exercises},
 * {@code course.measure}).
 */
package course;
