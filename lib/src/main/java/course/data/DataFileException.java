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
 * The parts are also available one by one ({@link FileException}'s place, {@link #field()},
 * {@link #problem()}), so that a loader of one kind of file can word its own message around them
 * ({@link #describe(String)}).
 */
public final class DataFileException extends FileException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, without the file and the place: "expected ..., found ...". */
    private final String problem;

    DataFileException(Path file, int line, int column, String field, String problem, Throwable cause) {
        this(new FileLocation(file, line, column, field), problem, cause);
    }

    /** A problem with the file as a whole: it is missing, empty or unreadable. */
    DataFileException(Path file, String problem, Throwable cause) {
        this(FileLocation.of(file), problem, cause);
    }

    private DataFileException(FileLocation location, String problem, Throwable cause) {
        super(location.describe("data file") + ": " + problem, location, cause);
        this.problem = problem;
    }

    /** The field the problem is about, as a path such as {@code jobs[0].id}; null when none. */
    public String field() {
        return location().field();
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
        return location().describe(kind) + ": " + problem;
    }
}
