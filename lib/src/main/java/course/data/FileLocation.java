package course.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where in a file a problem is: the file, and where the reader knows them, the line, the column
 * and the field: the place that every {@link FileException} carries ({@link DataFileException}
 * for JSON data files, the event log's {@code MalformedLogException} for its log files), so
 * that each words its message the same way:
 * <pre>{@code
 * FileLocation at = new FileLocation(Path.of("jobs.json"), 4, 13, "jobs[0].id");
 * at.describe("job file");   // job file jobs.json at line 4, column 13, field 'jobs[0].id'
 * FileLocation.of(Path.of("jobs.json")).describe("data file");   // data file jobs.json
 * }</pre>
 *
 * @param file   the file; never null
 * @param line   the line, counting from 1; 0 when the problem is about the file as a whole
 * @param column the column within the line, counting from 1; 0 when not known (always 0 when
 *               {@code line} is 0)
 * @param field  the field, as a path such as {@code jobs[0].id}; null when the problem is not
 *               about one field (an empty path is null too)
 */
public record FileLocation(Path file, int line, int column, String field) {
    /** @throws NullPointerException when {@code file} is null */
    public FileLocation {
        Objects.requireNonNull(file, "file");
        line = Math.max(line, 0);
        column = line == 0 ? 0 : Math.max(column, 0);
        field = field == null || field.isEmpty() ? null : field;
    }

    /** The file as a whole: no line, no column, no field. */
    public static FileLocation of(Path file) {
        return new FileLocation(file, 0, 0, null);
    }

    /**
     * The place in words, after {@code kind}: {@code "<kind> <file>"}, then
     * {@code " at line <line>"}, {@code ", column <column>"} and {@code ", field '<field>'"} for
     * the parts that are known.
     */
    public String describe(String kind) {
        Objects.requireNonNull(kind, "kind");
        StringBuilder s = new StringBuilder(kind).append(' ').append(file);
        if (line > 0) {
            s.append(" at line ").append(line);
            if (column > 0) {
                s.append(", column ").append(column);
            }
        }
        if (field != null) {
            s.append(", field '").append(field).append('\'');
        }
        return s.toString();
    }
}
