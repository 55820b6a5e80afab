package course.pipeline;

import java.util.Objects;
import java.util.Optional;

/**
 * The first error of a pipeline run, naming the stage that failed and, when there was one,
 * the item it failed on. The original exception is the {@linkplain #getCause() cause}.
 *
 * <p>A message reads, for example,
 * {@code stage 'profile' failed on item 42: java.lang.IllegalStateException: no profile}.
 * A source that fails while iterating has no item: {@code stage 'ids' failed after 12 items: ...}.
 */
public final class PipelineException extends RuntimeException {
    private static final int MAX_ITEM_TEXT = 120;

    private final String stage;
    // The item the stage failed on; null when the failure is not tied to one item.
    private final transient Object item;

    /**
     * Creates the exception for a failure of {@code stage} on {@code item} (null when there is
     * no single item) with a short note such as {@code "after 12 items"} used when item is null.
     */
    PipelineException(String stage, Object item, String note, Throwable cause) {
        super(message(stage, item, note, cause), cause);
        this.stage = Objects.requireNonNull(stage, "stage");
        this.item = item;
    }

    /** The name of the stage that failed. */
    public String stage() {
        return stage;
    }

    /** The item the stage failed on, if the failure concerned one item. */
    public Optional<Object> item() {
        return Optional.ofNullable(item);
    }

    private static String message(String stage, Object item, String note, Throwable cause) {
        String where = item != null ? " on item " + abbreviate(String.valueOf(item))
                : note == null || note.isEmpty() ? "" : " " + note;
        return "stage '" + stage + "' failed" + where + ": " + cause;
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_ITEM_TEXT ? text : text.substring(0, MAX_ITEM_TEXT) + "...";
    }
}
