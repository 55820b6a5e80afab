package course.data;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads and writes the course's JSON data files with Jackson.
 *
 * <p>Reading is strict: an unknown field, a missing file or malformed JSON raises a
 * {@link DataFileException} whose message names the file and the line and column of the
 * problem, so a learner who edits a data file by hand can find the mistake.
 *
 * <pre>{@code
 * record Point(double x, double y) {}
 * List<Point> points = DataFiles.read(Course.data("welcome/points.json"), new TypeReference<>() {});
 * }</pre>
 */
public final class DataFiles {
    /** The shared mapper: strict on reading, indented on writing. Thread-safe once configured. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private DataFiles() {
    }

    /** The course's configured mapper, for code that needs Jackson directly. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Reads {@code file} as an instance of {@code type}. */
    public static <T> T read(Path file, Class<T> type) {
        Objects.requireNonNull(type, "type");
        return read(file, MAPPER.getTypeFactory().constructType(type));
    }

    /** Reads {@code file} as the generic type named by {@code type}, for example a list of records. */
    public static <T> T read(Path file, TypeReference<T> type) {
        Objects.requireNonNull(type, "type");
        return read(file, MAPPER.getTypeFactory().constructType(type));
    }

    /** Reads {@code file} as a JSON tree, for files whose shape varies. */
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
            throw new DataFileException(file, "cannot write data file " + file + ": " + e.getMessage(), e);
        }
    }

    private static <T> T read(Path file, com.fasterxml.jackson.databind.JavaType type) {
        Objects.requireNonNull(file, "file");
        try {
            T value = MAPPER.readValue(Files.readAllBytes(file), type);
            if (value == null) {
                throw new DataFileException(file, "data file " + file + " is empty or holds only null", null);
            }
            return value;
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, "data file " + file + " does not exist", e);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new DataFileException(file, "malformed data file " + file + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new DataFileException(file, "cannot read data file " + file + ": " + e.getMessage(), e);
        }
    }
}
