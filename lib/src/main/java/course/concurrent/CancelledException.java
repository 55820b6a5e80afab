package course.concurrent;

/**
 * A {@link Context} was cancelled, by its own {@link Context#cancel()} or by a parent's.
 * Its message is {@code "context canceled"}, spelled as Go spells it, so the chapter's output
 * matches the original's.
 */
public final class CancelledException extends ContextException {
    /** The message every cancelled context reports. */
    public static final String MESSAGE = "context canceled";

    CancelledException() {
        super(MESSAGE, null);
    }

    private CancelledException(CancelledException cause) {
        super(MESSAGE, cause);
    }

    @Override
    CancelledException thrownAgain() {
        return new CancelledException(this);
    }
}
