package course.pool;

import course.concurrent.Context;

/**
 * What a job does: a function of a {@link Context} and the job's arguments that returns a
 * value or throws. It plays the role of the Go original's {@code ExecutionFn}, which returned
 * {@code (value, error)}: here a thrown exception is the error.
 *
 * <p>A well-behaved function honours its context: it calls {@link Context#throwIfDone()}
 * between steps of long work and sleeps with {@link Context#sleep}, so that cancelling the
 * pool stops it promptly.
 *
 * <pre>{@code
 * JobFunction<Integer, Integer> twice = (ctx, n) -> {
 *     ctx.throwIfDone();
 *     return n * 2;
 * };
 * }</pre>
 *
 * @param <A> the argument type
 * @param <R> the result type
 */
@FunctionalInterface
public interface JobFunction<A, R> {
    /**
     * Runs the job.
     *
     * @param ctx  the context of the run; done when the run is cancelled or past its deadline
     * @param args the job's arguments, possibly null
     * @return the job's value, possibly null
     * @throws Exception any failure; it becomes the job's error {@link Result}
     */
    R apply(Context ctx, A args) throws Exception;
}
