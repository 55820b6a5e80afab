package course.pool;

import course.concurrent.Context;

import java.util.Map;
import java.util.Objects;

/**
 * One unit of work for a {@link WorkerPool}: a {@link JobDescriptor}, a {@link JobFunction}
 * and the function's arguments, as in the Go original.
 *
 * <p>{@link #execute(Context)} runs the function and turns whatever happens into a
 * {@link Result}: the returned value, or the thrown exception as an error. It never throws, so a
 * failing job cannot kill the worker that runs it.
 *
 * <pre>{@code
 * Job<Integer, Integer> job = Job.of("3", "double", 3, (ctx, n) -> n * 2);
 * job.execute(Context.background());   // Result[3 ok 6]
 * }</pre>
 *
 * @param descriptor the job's descriptor
 * @param function   what the job does
 * @param args       the function's arguments; may be null
 * @param <A>        the argument type
 * @param <R>        the result type
 */
public record Job<A, R>(JobDescriptor descriptor, JobFunction<A, R> function, A args) {
    /** @throws NullPointerException when the descriptor or the function is null */
    public Job {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(function, "function");
    }

    /** A job with no metadata. */
    public static <A, R> Job<A, R> of(String id, String type, A args, JobFunction<A, R> function) {
        return new Job<>(new JobDescriptor(id, type, Map.of()), function, args);
    }

    /**
     * Runs the job in the calling thread with {@code ctx}.
     *
     * @return the value, or the thrown exception (any {@link Throwable}) as an error result
     */
    public Result<R> execute(Context ctx) {
        Objects.requireNonNull(ctx, "ctx");
        try {
            return Result.ok(descriptor, function.apply(ctx, args));
        } catch (Throwable e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Result.failed(descriptor, e);
        }
    }
}
