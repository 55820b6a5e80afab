package course.results;

import java.nio.file.Path;

/**
 * A results file that cannot be used: missing, not JSON, or not shaped like JMH's JSON output
 * or a machine record. The message names the file and, where the file has them, the line and
 * column, the entry (its index and benchmark) and the field, with what was expected.
 */
public final class ResultsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    ResultsException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The file that could not be used. */
    public Path file() {
        return file;
    }
}
