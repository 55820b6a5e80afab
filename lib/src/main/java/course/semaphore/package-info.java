/**
 * Chapter 2: a semaphore instead of a wait group.
 *
 * <ul>
 *   <li>{@link course.semaphore.TokenSemaphore}: a semaphore made of a bounded queue of tokens,
 *       the twin of Go's buffered-channel semaphore.</li>
 *   <li>{@link course.semaphore.SemaphorePool}: chapter 1's pool synchronised by it instead of
 *       its wait group.</li>
 *   <li>{@link course.semaphore.NaiveBoundedExecutor} (the wrong version, kept for the lesson)
 *       and {@link course.semaphore.BoundedExecutor} (its fix): a semaphore bounding how many
 *       tasks run at once, on virtual threads.</li>
 *   <li>{@link course.semaphore.InFlightProbe}, {@link course.semaphore.InFlightChart},
 *       {@link course.semaphore.ObservedCachedPool} and {@link course.semaphore.Contention}: what
 *       the chapter measures and draws.</li>
 *   <li>{@link course.semaphore.SemaphoreExercises} and {@link course.semaphore.SemaphoreSolutions}: the chapter's
 *       exercises.</li>
 * </ul>
 */
package course.semaphore;
