/**
 * Chapter 7: Java 25's own answers to Go's {@code errgroup}, {@code context} and goroutines.
 *
 * <p><b>This package uses a preview API.</b> {@link java.util.concurrent.StructuredTaskScope}
 * is a preview API in JDK 25 (JEP 505, its fifth preview), so this module is compiled and run
 * with {@code --enable-preview}; it lives in its own module ({@code course-java25}) so that the
 * rest of the course library stays free of preview features. JDK 26 (JEP 525) reshapes parts of
 * the API; this package follows JDK 25's.
 *
 * <ul>
 *   <li>{@link course.structured.StructuredBatch}: a batch of the worker pool's jobs run as one
 *       structured scope, with each of the JDK's joiners and a timeout.</li>
 *   <li>{@link course.structured.Unstructured}: the wrong version, which returns on the first
 *       failure and leaves its other threads running.</li>
 *   <li>{@link course.structured.JobTracker}: which jobs started, finished, failed or were
 *       cancelled, on which threads, and whether any thread outlives the call.</li>
 *   <li>{@link course.structured.ChapterJobs}: the chapter's 10 jobs with a failing one.</li>
 *   <li>{@link course.structured.RequestIds}: a request id as a {@link java.lang.ScopedValue}
 *       (JEP 506, final in JDK 25).</li>
 *   <li>{@link course.structured.PinningProbe}: virtual threads that nap inside
 *       {@code synchronized} or under a native frame, watched with JFR.</li>
 *   <li>{@link course.structured.ThreadDumps}: the JVM's JSON thread dump, read back as
 *       thread containers.</li>
 *   <li>{@link course.structured.Java25Exercises}: the checks of the chapter's exercises.</li>
 * </ul>
 */
package course.structured;
