package course.cqrs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JDBC every store of this package writes the same way, in one place: a prepared statement
 * with {@code ?} parameters (no value is ever pasted into SQL text), its rows mapped one by one,
 * and an {@link SQLException} turned into a {@link DatabaseException} that names the SQL.
 * The connection comes from {@link Database#read} or {@link Database#write}: one per call.
 *
 * <pre>{@code
 * List<String> users = db.read(c -> Jdbc.list(c, "SELECT user_id FROM articles WHERE source_url = ?",
 *         r -> r.getString(1), "https://go.dev/blog"));
 * long id = db.write(c -> Jdbc.insert(c, "INSERT INTO hashtags(name) VALUES (?)", "go"));
 * }</pre>
 */
final class Jdbc {
    private Jdbc() {
    }

    /** Maps the current row of a result to a value. */
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet r) throws SQLException;
    }

    /** Every row of a query, mapped, in the order the query returns them. */
    static <T> List<T> list(Connection c, String sql, Row<T> row, Object... params) {
        try (PreparedStatement s = prepare(c, sql, params); ResultSet r = s.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (r.next()) {
                out.add(row.map(r));
            }
            return out;
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** The first row of a query, mapped; empty when the query returns none. */
    static <T> Optional<T> first(Connection c, String sql, Row<T> row, Object... params) {
        try (PreparedStatement s = prepare(c, sql, params); ResultSet r = s.executeQuery()) {
            return r.next() ? Optional.of(row.map(r)) : Optional.empty();
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** Runs an insert, update, delete or merge; returns how many rows it changed. */
    static int update(Connection c, String sql, Object... params) {
        try (PreparedStatement s = prepare(c, sql, params)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** Runs an insert into a table with an identity column; returns the key it generated. */
    static long insert(Connection c, String sql, Object... params) {
        try (PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(s, params);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** Runs one statement once per parameter row, as one JDBC batch. Does nothing for no rows. */
    static void batch(Connection c, String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (Object[] params : rows) {
                bind(s, params);
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** Runs plain statements without parameters (DDL), in order. */
    static void execute(Connection c, String... statements) {
        for (String sql : statements) {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw failed(sql, e);
            }
        }
    }

    /** The error for {@code sql} failing: the SQL (its first line) and H2's message. */
    static DatabaseException failed(String sql, SQLException e) {
        String first = sql.strip().lines().findFirst().orElse("");
        return new DatabaseException("SQL failed (" + first + (sql.strip().contains("\n") ? " ..." : "")
                + "): " + e.getMessage(), e);
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        try {
            bind(s, params);
            return s;
        } catch (SQLException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
    }
}
