package course.cqrs;

import java.sql.SQLException;

/** A database operation failed. The message names the database and the SQL error. */
public final class DatabaseException extends RuntimeException {
    DatabaseException(String message, SQLException cause) {
        super(message, cause);
    }

    /** The SQL state of the underlying error, for example {@code 23505} for a duplicate key. */
    public String sqlState() {
        return getCause() instanceof SQLException e ? e.getSQLState() : null;
    }
}
