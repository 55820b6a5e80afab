package course.pool;

import java.nio.file.Path;

/**
 * A file of job specifications could not be turned into jobs: it is missing, malformed, or a
 * job in it has no id, a repeated id or an unknown type. The message names the file and, where
 * the file has one, the line, column and field ({@code jobs[2].type}), with what was expected.
 */
public final class JobSpecException extends RuntimeException {
    private final Path file;

    JobSpecException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The file that could not be loaded. */
    public Path file() {
        return file;
    }
}
