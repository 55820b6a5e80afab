package course.concurrent;

/**
 * Why a {@link Context} is done: it was cancelled, or its deadline passed.
 *
 * <p>This is the Java twin of the error Go's {@code ctx.Err()} returns. It is unchecked so
 * that job code can call {@link Context#throwIfDone()} anywhere. Catch the subclasses to
 * tell the two reasons apart. {@link Context#cause()} is one instance that never changes; each
 * throw ({@link Context#throwIfDone()}, {@link Context#sleep}) throws a fresh exception of the
 * same kind whose {@linkplain #getCause() cause} is that instance, so that every thread that
 * throws it gets its own stack trace, and no two threads share (and mutate, by adding
 * suppressed exceptions) one exception object:
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
public abstract sealed class ContextException extends RuntimeException
        permits CancelledException, DeadlineExceededException {
    ContextException(String message, ContextException cause) {
        super(message, cause);
    }

    /** A fresh exception of the same kind and message whose cause is this one, for one throw. */
    abstract ContextException thrownAgain();
}
