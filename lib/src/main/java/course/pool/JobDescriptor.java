package course.pool;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a job is, apart from what it does: an id, a type and free-form metadata.
 * Every {@link Result} carries the descriptor of the job it came from, so a reader can tell
 * which job succeeded or failed.
 *
 * <p>The metadata map is copied and cannot be modified; it keeps its insertion order and may
 * hold {@code null} values (as JSON may).
 *
 * <pre>{@code
 * var d = new JobDescriptor("7", "double", Map.of("batch", "demo"));
 * }</pre>
 *
 * @param id       the job's id, not blank; unique within a batch by convention
 * @param type     what kind of job this is, not blank
 * @param metadata anything else worth knowing; never null (use {@link Map#of()})
 */
public record JobDescriptor(String id, String type, Map<String, Object> metadata) {
    /**
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when the id or the type is blank
     */
    public JobDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(metadata, "metadata");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a job id must not be blank");
        }
        if (type.isBlank()) {
            throw new IllegalArgumentException("the type of job '" + id + "' must not be blank");
        }
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** A descriptor with no metadata. */
    public JobDescriptor(String id, String type) {
        this(id, type, Map.of());
    }

    @Override
    public String toString() {
        return id + ":" + type + (metadata.isEmpty() ? "" : metadata.toString());
    }
}
