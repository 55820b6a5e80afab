package course.cqrs;

import course.data.FileException;
import course.data.FileLocation;

import java.nio.file.Path;

/**
 * A log file could not be replayed. The message names the file, the line (counting from 1) and,
 * where the parser knows it, the column (counting from 1 within the line) that is wrong, and says
 * what is wrong with it: which field, and what was expected. For example
 * <pre>
 * malformed log file logs/a.jsonl at line 3, column 8: field 'key': expected a whole number, got the string "seven"
 * cannot read log file logs/b.jsonl: the file does not exist
 * </pre>
 */
public final class MalformedLogException extends FileException {
    /**
     * @param line   the line at fault, from 1; 0 when the file itself could not be read
     * @param column the column at fault within the line, from 1; 0 when not known
     */
    MalformedLogException(Path file, int line, int column, String problem, Throwable cause) {
        this(new FileLocation(file, line, column, null), problem, cause);
    }

    private MalformedLogException(FileLocation at, String problem, Throwable cause) {
        super(at.describe(at.line() > 0 ? "malformed log file" : "cannot read log file") + ": " + problem, at, cause);
    }
}
