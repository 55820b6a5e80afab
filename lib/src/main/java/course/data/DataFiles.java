package course.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads and writes the course's JSON data files with Jackson, through one strictly configured
 * mapper that every loader of the library shares.
 *
 * <p><b>What a file must be.</b> Exactly one JSON value (nothing after it but white space), no
 * field twice in one object, no field the type does not have. Values are never converted:
 * <ul>
 *   <li>an {@code int} or {@code long} takes a whole JSON number in its range, not {@code 1.5},
 *       not {@code 1.0}, not {@code "12"};</li>
 *   <li>a {@code double} or {@code float} takes a JSON number that is finite once read (not
 *       {@code 1e400}, not {@code "NaN"} or {@code "Infinity"}); a whole number is fine;</li>
 *   <li>a {@code String} takes a JSON string, not a number or a boolean; a {@code boolean} takes
 *       {@code true} or {@code false}; an enum takes one of its names, not its position;</li>
 *   <li>a list, set or map must be present and not null (a record declares a field it may omit
 *       with {@code @JsonSetter(nulls = Nulls.AS_EMPTY)}), and a list holds no null;</li>
 *   <li>a primitive must be present and not null; any other field (text, a boxed number, an
 *       object) that is missing or null reaches the record as null, for its constructor to check.</li>
 * </ul>
 *
 * <p><b>Errors.</b> Each problem raises a {@link DataFileException} whose message names the
 * file, the line and column, the field as a path, what was expected and what was found, so a
 * learner who edits a data file by hand can find the mistake:
 * <pre>{@code
 * data file points.json at line 3, column 8, field '[1].x': expected a finite number, found the text "1.5"
 * }</pre>
 * A record's constructor checks what the types cannot; when its message starts with the name of
 * the field it rejects and a colon ({@code "cores: expected at least 1 core, found 0"}), the
 * error names that field and points at its line.
 *
 * <pre>{@code
 * record Point(double x, double y) {}
 * List<Point> points = DataFiles.read(Course.data("welcome/points.json"), new TypeReference<>() {});
 * }</pre>
 *
 * <p><b>Parts.</b> This class is the public face: reading, writing, the empty and missing file.
 * The mapper's rules are set in {@code StrictJson}; Jackson's errors are worded in
 * {@code JsonErrors}; the place of a problem is a {@link FileLocation}.
 */
public final class DataFiles {
    /** The shared mapper: strict on reading, indented on writing. Thread-safe once configured; never reconfigured. */
    private static final ObjectMapper MAPPER = StrictJson.MAPPER;

    private DataFiles() {
    }

    /**
     * The course's configured mapper, for code that needs Jackson directly (an event log reads
     * one JSON value a line with it). Do not reconfigure it: every loader shares it.
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Reads {@code file} as an instance of {@code type}. @throws DataFileException naming the file, line and field */
    public static <T> T read(Path file, Class<T> type) {
        Objects.requireNonNull(type, "type");
        return read(file, MAPPER.getTypeFactory().constructType(type));
    }

    /**
     * Reads {@code file} as the generic type named by {@code type}, for example a list of records.
     *
     * @throws DataFileException naming the file, line and field
     */
    public static <T> T read(Path file, TypeReference<T> type) {
        Objects.requireNonNull(type, "type");
        return read(file, MAPPER.getTypeFactory().constructType(type));
    }

    /**
     * Reads {@code file} as a JSON tree, for files whose shape varies. The file must still hold
     * one value with no field twice; numbers are kept as written (a tree cannot know which must
     * be finite).
     *
     * @throws DataFileException naming the file and line
     */
    public static JsonNode readTree(Path file) {
        return read(file, MAPPER.getTypeFactory().constructType(JsonNode.class));
    }

    /** Writes {@code value} to {@code file} as indented JSON, creating parent folders. */
    public static void write(Path file, Object value) {
        Objects.requireNonNull(file, "file");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            MAPPER.writeValue(file.toFile(), value);
        } catch (IOException e) {
            throw new DataFileException(file, "cannot write it: " + e.getMessage(), e);
        }
    }

    private static <T> T read(Path file, JavaType type) {
        Objects.requireNonNull(file, "file");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, "the file does not exist", e);
        } catch (IOException e) {
            throw new DataFileException(file, "cannot read it: " + e.getMessage(), e);
        }
        if (new String(bytes, StandardCharsets.ISO_8859_1).isBlank()) {
            throw new DataFileException(file, "the file is empty: expected a JSON value", null);
        }
        T value;
        try {
            value = MAPPER.readValue(bytes, type);
        } catch (JsonProcessingException e) {
            throw JsonErrors.malformed(file, bytes, e);
        } catch (IOException e) {
            throw new DataFileException(file, "cannot read it: " + e.getMessage(), e);
        }
        if (value == null || value instanceof NullNode) {
            throw new DataFileException(file, "the file holds only null: expected a value", null);
        }
        return value;
    }
}
