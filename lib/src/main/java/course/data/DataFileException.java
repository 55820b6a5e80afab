package course.data;

import java.nio.file.Path;

/**
 * A data file could not be read: it is missing, or it is not the JSON the course expects.
 * The message always names the file and, where the parser knows it, the line and column.
 */
public final class DataFileException extends RuntimeException {
    private final Path file;

    DataFileException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The file that could not be read. */
    public Path file() {
        return file;
    }
}
