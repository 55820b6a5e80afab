/**
 * The course's runtime: what every chapter's code stands on and what learners use everywhere.
 *
 * <ul>
 *   <li>{@link course.concurrent.Context}: a cancellation token with an optional deadline, the
 *       Java twin of Go's {@code context.Context}; {@link course.concurrent.ContextException} is
 *       why one is done, either {@link course.concurrent.CancelledException} or
 *       {@link course.concurrent.DeadlineExceededException}.</li>
 *   <li>{@link course.concurrent.ThreadKind}: platform or virtual threads, the one switch every
 *       pool and pipeline of the course takes.</li>
 *   <li>{@link course.concurrent.WaitPolicy}: how a thread of the course waits for a full or
 *       empty queue, or for a semaphore's permit: park at once, or yield the core a few times
 *       first (the default). Every pool, pipeline and bounded executor takes it as an option.</li>
 * </ul>
 *
 * <p><b>The boundary.</b> This package depends on no chapter package; every chapter package
 * ({@code course.pool}, {@code course.semaphore}, {@code course.pipeline}, {@code course.cqrs})
 * may depend on it. Its sub-package {@link course.concurrent.internal} holds the plumbing those
 * chapters share (the hand-off, joining threads, waiting through interrupts, the thread
 * registries for leak checks, saturated durations): public only so that the chapter packages
 * can reach it, and not part of what the chapters teach. The course has no
 * {@code module-info.java} that would hide it, because the JShell kernel loads the library from
 * the class path, where module boundaries do not apply; the boundary is a convention, kept by
 * these package descriptions.
 *
 * <pre>{@code
 * Context ctx = Context.background().withTimeout(Duration.ofMillis(50));
 * Thread worker = ThreadKind.VIRTUAL.start("worker", () -> {
 *     while (!ctx.isDone()) {
 *         step();                                   // a little work, then look again
 *     }
 * });
 * ctx.cancel();                                     // or let the deadline pass
 * worker.join();                                    // it stops within one step
 * }</pre>
 */
package course.concurrent;
