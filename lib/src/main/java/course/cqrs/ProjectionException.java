package course.cqrs;

import java.util.Locale;

/**
 * A projection could not apply a log entry. The partition's consumer stops at that entry; its
 * offset is not moved, so after the cause is fixed {@link Projector#resume()} applies the same
 * entry again and goes on, losing nothing and applying nothing twice.
 */
public final class ProjectionException extends RuntimeException {
    private final int partition;
    private final long offset;

    ProjectionException(LogEntry entry, Throwable cause) {
        super("projection of partition " + entry.partition() + " failed at offset " + entry.offset()
                + " (" + entry.event().action().name().toLowerCase(Locale.ROOT) + " of article "
                + entry.event().key() + "): " + cause, cause);
        this.partition = entry.partition();
        this.offset = entry.offset();
    }

    /** The partition whose consumer stopped. */
    public int partition() {
        return partition;
    }

    /** The offset of the entry that failed; the consumer resumes from here. */
    public long offset() {
        return offset;
    }
}
