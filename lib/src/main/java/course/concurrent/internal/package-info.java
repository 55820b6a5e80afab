/**
 * Internal: the plumbing that several chapter packages share. Not an API of the course.
 *
 * <p>The classes are public only because Java has no other way to share them between
 * {@code course.pool}, {@code course.semaphore}, {@code course.pipeline} and {@code course.cqrs}
 * without a module (see {@link course.concurrent} for why there is none). They may change with
 * any commit. Chapters must not teach them as API, and notebooks should not call them: a
 * learner's code uses the JDK and the public types of {@code course.concurrent} and the
 * chapter packages. The JDK's own classes that do the same jobs are named in each class.
 *
 * <p>One class per mechanism, so that every pool, pipeline and executor does it the same way:
 * <ul>
 *   <li>{@link course.concurrent.internal.Handoff}: the blocking queue operations the pools,
 *       the pipeline's channels and the bounded executor wait in.</li>
 *   <li>{@link course.concurrent.internal.Join}: joining threads, and the one bounded close
 *       (a grace, a nudge, an error naming the threads left).</li>
 *   <li>{@link course.concurrent.internal.Uninterruptibly}: waits that run to the end through
 *       interrupts and restore the interrupt flag.</li>
 *   <li>{@link course.concurrent.internal.ThreadRegistry}: the threads of a family that have
 *       not finished their task, for leak checks ({@code WorkerPool.liveThreads()},
 *       {@code Pipeline.liveThreads()}).</li>
 *   <li>{@link course.concurrent.internal.Durations}: timeouts that saturate instead of
 *       overflowing.</li>
 * </ul>
 */
package course.concurrent.internal;
