package course.concurrent;

/**
 * A {@link Context}'s deadline passed (its own, or a parent's) before it was cancelled.
 * Its message is {@code "context deadline exceeded"}, as in Go.
 */
public final class DeadlineExceededException extends ContextException {
    /** The message every expired context reports. */
    public static final String MESSAGE = "context deadline exceeded";

    DeadlineExceededException() {
        super(MESSAGE, null);
    }

    private DeadlineExceededException(DeadlineExceededException cause) {
        super(MESSAGE, cause);
    }

    @Override
    DeadlineExceededException thrownAgain() {
        return new DeadlineExceededException(this);
    }
}
