package course.cqrs;

import java.nio.file.Path;

/**
 * A log file could not be replayed. The message names the file and the line (counting from 1)
 * that is wrong, and says what is wrong with it.
 */
public final class MalformedLogException extends RuntimeException {
    private final Path file;
    private final int line;

    MalformedLogException(Path file, int line, String problem, Throwable cause) {
        super(line > 0 ? "malformed log file " + file + " at line " + line + ": " + problem
                : "cannot read log file " + file + ": " + problem, cause);
        this.file = file;
        this.line = line;
    }

    /** The file being replayed. */
    public Path file() {
        return file;
    }

    /** The line at fault, counting from 1; 0 when the file itself could not be read. */
    public int line() {
        return line;
    }
}
