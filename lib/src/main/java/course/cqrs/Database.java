package course.cqrs;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One private in-memory H2 database with a small fixed pool of JDBC connections.
 *
 * <p>Each instance gets a database name no other instance uses
 * ({@code jdbc:h2:mem:<label>-<n>-<random>;DB_CLOSE_DELAY=-1;...}), so tests and notebook cells
 * never see each other's tables. {@code DB_CLOSE_DELAY=-1} keeps the database alive while
 * connections come and go; {@link #close()} runs {@code SHUTDOWN}, which drops it.
 * {@code OPTIMIZE_REUSE_RESULTS=0} stops H2 from handing back a cached result when the same query
 * runs again on unchanged tables, so that measured query times are the cost of the query.
 *
 * <p>Work borrows a connection with {@link #read} or {@link #write}; {@code write} runs in one
 * transaction that commits on success and rolls back on any exception. Borrowing waits at most
 * {@link #BORROW_TIMEOUT_SECONDS} seconds, so a leak shows up as an error, not a hang.
 */
final class Database implements AutoCloseable {
    static final long BORROW_TIMEOUT_SECONDS = 30;
    /** How long close waits for borrowed connections to come back before shutting down anyway. */
    static final long CLOSE_WAIT_MILLIS = 2_000;
    private static final AtomicLong COUNTER = new AtomicLong();

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final String url;
    private final int size;
    /** Idle connections. A connection is either here or borrowed by exactly one thread. */
    private final BlockingQueue<Connection> idle;
    /** Every connection ever opened, pooled or {@linkplain #openSession own}, for close. Guarded by {@code this}. */
    private final List<Connection> all = new ArrayList<>();
    private volatile boolean closed;

    Database(String label, int connections) {
        if (connections <= 0) {
            throw new IllegalArgumentException("a database needs at least one connection, got " + connections);
        }
        this.url = "jdbc:h2:mem:" + label + "-" + COUNTER.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 8) + ";DB_CLOSE_DELAY=-1;OPTIMIZE_REUSE_RESULTS=0";
        this.size = connections;
        this.idle = new ArrayBlockingQueue<>(connections);
        try {
            for (int i = 0; i < connections; i++) {
                Connection c = DriverManager.getConnection(url, "sa", "");
                all.add(c);
                idle.add(c);
            }
        } catch (SQLException e) {
            closeQuietly();
            throw new DatabaseException("cannot open in-memory database " + url, e);
        }
    }

    /** The JDBC URL, unique to this instance. */
    String url() {
        return url;
    }

    /** Runs read-only work on a pooled connection in auto-commit mode. */
    <T> T read(Work<T> work) {
        Connection c = borrow();
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw new DatabaseException("query failed on " + url + ": " + e.getMessage(), e);
        } finally {
            idle.add(c);
        }
    }

    /** Runs work in one transaction: commit when it returns, roll back when it throws. */
    <T> T write(Work<T> work) {
        Connection c = borrow();
        try {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DatabaseException("update failed on " + url + ": " + e.getMessage(), e);
        } finally {
            idle.add(c);
        }
    }

    /** Runs DDL or other plain statements in one transaction. */
    void execute(String... statements) {
        write(c -> {
            try (Statement s = c.createStatement()) {
                for (String sql : statements) {
                    s.execute(sql);
                }
            }
            return null;
        });
    }

    /** Runs a query without parameters whose answer is one number, such as {@code SELECT COUNT(*) FROM t}. */
    long queryLong(String sql) {
        return read(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    /**
     * Opens one more connection to this database, outside the pool, for a caller that needs a
     * session of its own: one that no other work borrows. {@link #close()} closes it with the rest.
     *
     * @throws IllegalStateException when the database is closed
     * @throws DatabaseException     when H2 refuses the connection
     */
    synchronized Connection openSession() {
        if (closed) {
            throw new IllegalStateException("database " + url + " is closed");
        }
        try {
            Connection c = DriverManager.getConnection(url, "sa", "");
            all.add(c);
            return c;
        } catch (SQLException e) {
            throw new DatabaseException("cannot open another connection to " + url, e);
        }
    }

    private Connection borrow() {
        if (closed) {
            throw new IllegalStateException("database " + url + " is closed");
        }
        try {
            Connection c = idle.poll(BORROW_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (c == null) {
                throw new IllegalStateException("no free connection to " + url + " after "
                        + BORROW_TIMEOUT_SECONDS + " s; is some work holding all " + size + "?");
            }
            if (closed) {
                idle.add(c);
                throw new IllegalStateException("database " + url + " is closed");
            }
            return c;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a connection to " + url, e);
        }
    }

    /**
     * Shuts the database down and drops its data. Waits briefly (bounded) for borrowed
     * connections to come back; work still running afterwards fails with an SQL error.
     * Calling it again does nothing.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        List<Connection> back = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MILLIS);
        try {
            while (back.size() < size) {
                long left = deadline - System.nanoTime();
                Connection c = left <= 0 ? idle.poll() : idle.poll(left, TimeUnit.NANOSECONDS);
                if (c == null) {
                    break;
                }
                back.add(c);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Connection c = back.isEmpty() ? DriverManager.getConnection(url, "sa", "") : back.getFirst();
            try (Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } finally {
                c.close();
            }
        } catch (SQLException ignored) {
            // already gone: nothing left to drop
        }
        closeQuietly();
    }

    private synchronized void closeQuietly() {
        for (Connection c : all) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing is best effort; the database is being dropped
            }
        }
    }

    boolean isClosed() {
        return closed;
    }
}
