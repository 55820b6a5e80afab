package course.cqrs;

import org.h2.jdbcx.JdbcConnectionPool;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One private in-memory H2 database with a small fixed pool of JDBC connections (H2's own
 * {@link JdbcConnectionPool}).
 *
 * <p>Each instance gets a database name no other instance uses
 * ({@code jdbc:h2:mem:<label>-<n>-<random>;DB_CLOSE_DELAY=-1;...}), so tests and notebook cells
 * never see each other's tables. {@code DB_CLOSE_DELAY=-1} keeps the database alive while
 * connections come and go; {@link #close()} runs {@code SHUTDOWN}, which drops it.
 * {@code OPTIMIZE_REUSE_RESULTS=0} stops H2 from handing back a cached result when the same query
 * runs again on unchanged tables, so that measured query times are the cost of the query.
 *
 * <p>Work borrows a connection for one call with {@link #read} or {@link #write}; {@code write}
 * runs in one transaction that commits on success and rolls back on any exception. Statements
 * inside are written with {@link Jdbc}. Borrowing waits at most {@link #BORROW_TIMEOUT_SECONDS}
 * seconds, so a leak shows up as an error, not a hang.
 *
 * <p>A caller waits for a free connection on a {@link Semaphore} with one permit per connection,
 * not inside H2's pool: the pool, when every connection is out, retries in a loop with 1 ms
 * sleeps (and keeps looping when interrupted), which would add up to a millisecond to every
 * contended borrow that chapter 4 measures. Holding a permit, a caller always finds a connection
 * in the pool at once. The pool's connections are all opened up front, so the first queries do
 * not pay for opening them.
 *
 * <pre>{@code
 * try (Database db = new Database("demo", 2)) {
 *     db.execute("CREATE TABLE x (id INT)");
 *     db.write(c -> Jdbc.update(c, "INSERT INTO x VALUES (?)", 1));
 *     db.queryLong("SELECT COUNT(*) FROM x");   // 1
 * }
 * }</pre>
 */
final class Database implements AutoCloseable {
    static final int BORROW_TIMEOUT_SECONDS = 30;
    /** How long close waits for borrowed connections to come back before shutting down anyway. */
    static final long CLOSE_WAIT_MILLIS = 2_000;
    private static final AtomicLong COUNTER = new AtomicLong();

    /** Work on one borrowed connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final String url;
    private final int size;
    /** The {@link #size} connections of the pool; each one borrowed by at most one call at a time. */
    private final JdbcConnectionPool pool;
    /** One permit per pooled connection; a call holds one for as long as it holds a connection. */
    private final Semaphore permits;
    /** Guards {@link #sessions} and the start of closing. */
    private final ReentrantLock lock = new ReentrantLock();
    /** The connections opened by {@link #openSession}, outside the pool, for close. Guarded by {@link #lock}. */
    private final List<Connection> sessions = new ArrayList<>();
    private volatile boolean closed;

    Database(String label, int connections) {
        if (connections <= 0) {
            throw new IllegalArgumentException("a database needs at least one connection, got " + connections);
        }
        this.url = "jdbc:h2:mem:" + label + "-" + COUNTER.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 8) + ";DB_CLOSE_DELAY=-1;OPTIMIZE_REUSE_RESULTS=0";
        this.size = connections;
        this.permits = new Semaphore(connections);
        this.pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(connections);
        pool.setLoginTimeout(BORROW_TIMEOUT_SECONDS);
        List<Connection> opened = new ArrayList<>(connections);
        try {
            for (int i = 0; i < connections; i++) {
                opened.add(pool.getConnection()); // all of them now; closing them below pools them
            }
        } catch (SQLException e) {
            pool.dispose();
            throw new DatabaseException("cannot open in-memory database " + url, e);
        } finally {
            opened.forEach(Database::closeQuietly);
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
            giveBack(c);
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
            giveBack(c);
        }
    }

    /** Runs DDL or other plain statements in one transaction. */
    void execute(String... statements) {
        write(c -> {
            Jdbc.execute(c, statements);
            return null;
        });
    }

    /** Runs a query without parameters whose answer is one number, such as {@code SELECT COUNT(*) FROM t}. */
    long queryLong(String sql) {
        return read(c -> Jdbc.first(c, sql, r -> r.getLong(1)).orElseThrow());
    }

    /**
     * Opens one more connection to this database, outside the pool, for a caller that needs a
     * session of its own: one that no other work borrows. {@link #close()} closes it with the rest.
     *
     * @throws IllegalStateException when the database is closed
     * @throws DatabaseException     when H2 refuses the connection
     */
    Connection openSession() {
        lock.lock();
        try {
            checkOpen();
            Connection c = DriverManager.getConnection(url, "sa", "");
            sessions.add(c);
            return c;
        } catch (SQLException e) {
            throw new DatabaseException("cannot open another connection to " + url, e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Shuts the database down and drops its data. Waits briefly (bounded) for borrowed
     * connections to come back; work still running afterwards fails with an SQL error.
     * Calling it again does nothing.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            lock.unlock();
        }
        try {
            permits.tryAcquire(size, CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS); // every connection back, or time's up
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shut down at once, keep the flag
        }
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            Jdbc.execute(c, "SHUTDOWN");
        } catch (SQLException | DatabaseException ignored) {
            // already gone: nothing left to drop
        }
        pool.dispose();
        closeSessions();
    }

    boolean isClosed() {
        return closed;
    }

    private Connection borrow() {
        checkOpen();
        try {
            if (!permits.tryAcquire(BORROW_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no free connection to " + url + " after "
                        + BORROW_TIMEOUT_SECONDS + " s; is some work holding all " + size + "?");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a connection to " + url, e);
        }
        if (closed) {
            permits.release();
            throw new IllegalStateException("database " + url + " is closed");
        }
        try {
            return pool.getConnection(); // a permit guarantees a free one: no wait in the pool
        } catch (SQLException e) {
            permits.release();
            throw new DatabaseException("cannot borrow a connection to " + url + ": " + e.getMessage(), e);
        }
    }

    /** Returns a borrowed connection to the pool and its permit to the waiting callers. */
    private void giveBack(Connection c) {
        try {
            closeQuietly(c); // a pooled connection's close returns it to the pool
        } finally {
            permits.release();
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // a broken connection: the pool drops it; an own session: the database is being dropped
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("database " + url + " is closed");
        }
    }

    private void closeSessions() {
        lock.lock();
        try {
            sessions.forEach(Database::closeQuietly);
            sessions.clear();
        } finally {
            lock.unlock();
        }
    }
}
