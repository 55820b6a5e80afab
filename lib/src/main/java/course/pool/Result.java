package course.pool;

import java.util.Objects;

/**
 * What came of one job: a value or an error, always with the job's {@link JobDescriptor}.
 *
 * <p>Exactly one of the two is meaningful: {@link #isOk()} says which. An ok result may hold a
 * {@code null} value (a job with nothing to return); an error result always holds a non-null
 * error and a {@code null} value.
 *
 * <pre>{@code
 * Result<Integer> r = job.execute(ctx);
 * if (r.isOk()) System.out.println(r.descriptor().id() + " -> " + r.value());
 * else          System.out.println(r.descriptor().id() + " failed: " + r.error().getMessage());
 * }</pre>
 *
 * @param descriptor the job's descriptor, never null
 * @param value      the value when ok, else null
 * @param error      the error when failed, else null
 * @param <R>        the value type
 */
public record Result<R>(JobDescriptor descriptor, R value, Throwable error) {
    /**
     * @throws NullPointerException     when the descriptor is null
     * @throws IllegalArgumentException when both a value and an error are given
     */
    public Result {
        Objects.requireNonNull(descriptor, "descriptor");
        if (error != null && value != null) {
            throw new IllegalArgumentException("result of job '" + descriptor.id()
                    + "' has both a value (" + value + ") and an error (" + error + ")");
        }
    }

    /** A successful result. */
    public static <R> Result<R> ok(JobDescriptor descriptor, R value) {
        return new Result<>(descriptor, value, null);
    }

    /**
     * A failed result.
     *
     * @throws NullPointerException when {@code error} is null
     */
    public static <R> Result<R> failed(JobDescriptor descriptor, Throwable error) {
        Objects.requireNonNull(error, "error");
        return new Result<>(descriptor, null, error);
    }

    /** Whether the job succeeded. */
    public boolean isOk() {
        return error == null;
    }

    /**
     * The value of a successful result.
     *
     * @throws IllegalStateException carrying the error as its cause, when the job failed
     */
    public R orElseThrow() {
        if (error != null) {
            throw new IllegalStateException("job '" + descriptor.id() + "' failed: " + error.getMessage(), error);
        }
        return value;
    }

    @Override
    public String toString() {
        return "Result[" + descriptor.id() + " " + (isOk() ? "ok " + value
                : "error " + error.getClass().getSimpleName() + ": " + error.getMessage()) + "]";
    }
}
