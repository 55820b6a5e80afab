package course.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file the course reads could not be read, at a {@link FileLocation}: the one shape of every
 * error about a file, whichever reader raised it ({@link DataFileException} for a JSON data file,
 * the event log's {@code MalformedLogException} for a log file). Each subclass words its own
 * message around the place ({@link FileLocation#describe(String)}); the parts are here one by one.
 *
 * <pre>{@code
 * try {
 *     DataFiles.read(file, Batch.class);
 * } catch (FileException e) {
 *     System.out.println(e.file() + ":" + e.line() + ":" + e.column() + ": " + e.getMessage());
 * }
 * }</pre>
 */
public abstract class FileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Where the problem is; its line is 0 when it is about the file as a whole (missing, empty, unreadable). */
    private final transient FileLocation location;

    /**
     * @param message  the whole message, naming the file and the place
     * @param location where the problem is; never null
     * @param cause    what the reader threw, or null
     */
    protected FileException(String message, FileLocation location, Throwable cause) {
        super(message, cause);
        this.location = Objects.requireNonNull(location, "location");
    }

    /** Where the problem is: the file, and the line, column and field where known. */
    public FileLocation location() {
        return location;
    }

    /** The file that could not be read. */
    public Path file() {
        return location.file();
    }

    /** The line of the problem, counting from 1; 0 when it is about the file as a whole. */
    public int line() {
        return location.line();
    }

    /** The column of the problem, counting from 1; 0 when it is not known (always 0 when {@link #line()} is 0). */
    public int column() {
        return location.column();
    }
}
