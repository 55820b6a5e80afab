package course.concurrent;

/**
 * Why a {@link Context} is done: it was cancelled, or its deadline passed.
 *
 * <p>This is the Java twin of the error Go's {@code ctx.Err()} returns. It is unchecked so
 * that job code can call {@link Context#throwIfDone()} anywhere. Catch the subclasses to
 * tell the two reasons apart:
 *
 * <pre>{@code
 * try {
 *     ctx.sleep(Duration.ofSeconds(1));
 * } catch (DeadlineExceededException e) {
 *     // too slow
 * } catch (CancelledException e) {
 *     // someone called cancel()
 * }
 * }</pre>
 */
public sealed class ContextException extends RuntimeException
        permits CancelledException, DeadlineExceededException {
    ContextException(String message) {
        super(message);
    }
}
