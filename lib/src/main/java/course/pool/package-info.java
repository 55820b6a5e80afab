/**
 * Chapter 1: the worker pool, translated from a Go original.
 *
 * <p>The pieces, and the Go construct each one plays. Go's {@code context.Context}, the
 * cancellation token every job receives, is {@link course.concurrent.Context}, in the runtime
 * package that every chapter shares, with {@link course.concurrent.ThreadKind}.
 * <ul>
 *   <li>{@link course.pool.Job}, {@link course.pool.JobDescriptor},
 *       {@link course.pool.JobFunction} and {@link course.pool.Result}: a unit of work and
 *       what came of it, a value or an error, always with the job's descriptor.</li>
 *   <li>{@link course.pool.WorkerPool}: N workers (goroutines become platform or virtual
 *       threads) between a bounded jobs queue and a bounded results stream (buffered channels
 *       become {@code ArrayBlockingQueue}s).</li>
 *   <li>{@link course.pool.AbstractPool}: what every pool of the course shares (generator,
 *       worker loop, results stream, timeline, closing); chapter 2's semaphore pool extends it
 *       too, so the pools differ only in their synchronisation. Its parts are package-private:
 *       the jobs queue and its loops ({@code JobQueue}), the results stream
 *       ({@code ResultStream}), the pool's threads and bounded close ({@code PoolThreads});
 *       {@link course.pool.PoolFamily} names a pool class's pools and counts their live
 *       threads.</li>
 *   <li>{@link course.pool.RaceDemo} and {@link course.pool.RaceTally}: the original client's
 *       lost-results race, reproduced and counted, and its fix.</li>
 *   <li>{@link course.pool.Timeline} and {@link course.pool.TimelineChart}: which worker ran
 *       which job, drawn as a Gantt chart.</li>
 *   <li>{@link course.pool.QueueSampler}: the depths of a pool's jobs queue and results stream,
 *       sampled during a run, to chart the two buffers filling and draining.</li>
 *   <li>{@link course.pool.Jobs} and {@link course.pool.JobLoader}: ready-made batches, and the
 *       demo batch read from {@code data/pool/jobs.json}.</li>
 *   <li>{@link course.pool.PoolExercises} and {@link course.pool.PoolSolutions}: the chapter's
 *       self-checking exercises, and worked answers kept apart.</li>
 * </ul>
 *
 * <pre>{@code
 * try (var pool = new WorkerPool<Integer, Integer>(2)) {
 *     List<Result<Integer>> results = pool.runAll(Context.background(), Jobs.doubling(10));
 * }
 * }</pre>
 */
package course.pool;
