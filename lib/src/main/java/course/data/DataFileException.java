package course.data;

import java.nio.file.Path;

/**
 * A data file could not be read: it is missing, or it is not the JSON the course expects.
 *
 * <p>The message always names the file and, where the parser knows them, the line, the column
 * and the field, then says what was expected and what was found:
 * <pre>{@code
 * data file jobs.json at line 4, column 13, field 'jobs[0].id': expected text (a JSON string), found the number 7
 * }</pre>
 * The parts are also available one by one, so that a loader of one kind of file can word its
 * own message around them ({@link #describe(String)}).
 */
public final class DataFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    /** 1-based; 0 when the problem is not at a place in the file (a missing file, an empty one). */
    private final int line;
    /** 1-based; 0 when {@code line} is 0. */
    private final int column;
    /** The path of the field, as {@code jobs[0].id}; null when the problem is not about one field. */
    private final String field;
    /** What went wrong, without the file and the place: "expected ..., found ...". */
    private final String problem;

    DataFileException(Path file, int line, int column, String field, String problem, Throwable cause) {
        super(message("data file", file, line, column, field, problem), cause);
        this.file = file;
        this.line = Math.max(line, 0);
        this.column = this.line == 0 ? 0 : Math.max(column, 0);
        this.field = field == null || field.isEmpty() ? null : field;
        this.problem = problem;
    }

    /** A problem with the file as a whole: it is missing, empty or unreadable. */
    DataFileException(Path file, String problem, Throwable cause) {
        this(file, 0, 0, null, problem, cause);
    }

    private static String message(String kind, Path file, int line, int column, String field, String problem) {
        StringBuilder s = new StringBuilder(kind).append(' ').append(file);
        if (line > 0) {
            s.append(" at line ").append(line).append(", column ").append(Math.max(column, 0));
        }
        if (field != null && !field.isEmpty()) {
            s.append(", field '").append(field).append('\'');
        }
        return s.append(": ").append(problem).toString();
    }

    /** The file that could not be read. */
    public Path file() {
        return file;
    }

    /** The line of the problem, counting from 1; 0 when it is about the file as a whole. */
    public int line() {
        return line;
    }

    /** The column of the problem, counting from 1; 0 when {@link #line()} is 0. */
    public int column() {
        return column;
    }

    /** The field the problem is about, as a path such as {@code jobs[0].id}; null when none. */
    public String field() {
        return field;
    }

    /** What went wrong, without the file and the place, for example "expected text (a JSON string), found null". */
    public String problem() {
        return problem;
    }

    /**
     * The message with the file called {@code kind} (for example {@code "job file"}) instead of
     * "data file": {@code job file jobs.json at line 4, column 13, field 'jobs[0].id': expected ...}.
     */
    public String describe(String kind) {
        return message(kind, file, line, column, field, problem);
    }
}
