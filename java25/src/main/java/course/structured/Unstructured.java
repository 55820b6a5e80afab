package course.structured;

import course.concurrent.Context;
import course.pool.Job;
import course.pool.Result;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The wrong version, kept for the lesson: a batch run the way Go code without {@code errgroup}
 * often runs it. One virtual thread per job sends its result to a queue; the caller takes results
 * and, at the first error, returns it at once. Nothing tells the other threads: they run on after
 * the call has returned, each to the end of its job (a <em>leak</em>: threads that outlive the
 * code that started them, still holding whatever their jobs hold).
 *
 * <p>Compare {@link StructuredBatch#allOrThrow}, where the same failure cancels the siblings and
 * the scope waits for them before it returns.
 *
 * <pre>{@code
 * var tracker = new JobTracker();
 * try {
 *     Unstructured.allOrFirstError(tracker.trackAll(jobs), Context.background());
 * } catch (ExecutionException e) {
 *     System.out.println(tracker.stillRunning() + " threads still running");   // not 0
 * }
 * }</pre>
 */
public final class Unstructured {
    /** The prefix of the threads this class starts. */
    public static final String THREAD_PREFIX = "course-unstructured-";

    private Unstructured() {
    }

    /**
     * Every job's value, in completion order, or the first error as soon as it arrives, leaving
     * the other jobs' threads running.
     *
     * @throws ExecutionException   carrying the first job error as its cause
     * @throws InterruptedException when the calling thread is interrupted while it waits
     */
    public static <A, R> List<R> allOrFirstError(List<? extends Job<A, R>> jobs, Context ctx)
            throws ExecutionException, InterruptedException {
        Objects.requireNonNull(jobs, "jobs");
        Objects.requireNonNull(ctx, "ctx");
        var results = new LinkedBlockingQueue<Result<R>>();
        for (Job<A, R> job : jobs) {                                   // Go: go func() { results <- run(job) }()
            Thread.ofVirtual().name(THREAD_PREFIX + job.descriptor().id()).start(() -> results.add(job.execute(ctx)));
        }
        List<R> values = new ArrayList<>(jobs.size());
        for (int i = 0; i < jobs.size(); i++) {
            Result<R> r = results.take();
            if (!r.isOk()) {
                throw new ExecutionException(r.error());               // return at once: the others run on
            }
            values.add(r.value());
        }
        return values;
    }
}
