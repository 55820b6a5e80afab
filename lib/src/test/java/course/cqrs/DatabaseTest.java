package course.cqrs;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseTest {
    @Test
    void everyDatabaseHasItsOwnName() {
        try (Database a = new Database("t", 1); Database b = new Database("t", 1)) {
            assertNotEquals(a.url(), b.url());
        }
    }

    @Test
    void closeDropsTheDataAndIsIdempotent() throws Exception {
        Database db = new Database("t", 2);
        db.execute("CREATE TABLE x (id INT)");
        String url = db.url();
        db.close();
        db.close();
        try (var c = DriverManager.getConnection(url, "sa", "");
             ResultSet r = c.createStatement().executeQuery(
                     "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'X'")) {
            r.next();
            assertEquals(0, r.getInt(1), "the table survived close");
            c.createStatement().execute("SHUTDOWN");
        }
    }

    @Test
    void aFailedWriteRollsBack() {
        try (Database db = new Database("t", 1)) {
            db.execute("CREATE TABLE x (id INT PRIMARY KEY)");
            assertThrows(DatabaseException.class, () -> db.write(c -> {
                c.createStatement().execute("INSERT INTO x VALUES (1)");
                c.createStatement().execute("INSERT INTO x VALUES (1)");
                return null;
            }));
            int rows = db.read(c -> {
                try (ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*) FROM x")) {
                    r.next();
                    return r.getInt(1);
                }
            });
            assertEquals(0, rows);
            assertFalse(db.isClosed());
        }
    }

    @Test
    void anOwnSessionSeesThePoolsDataAndIsClosedWithTheDatabase() throws Exception {
        Connection own;
        try (Database db = new Database("t", 1)) {
            db.execute("CREATE TABLE x (id INT)", "INSERT INTO x VALUES (1)");
            own = db.openSession();
            try (ResultSet r = own.createStatement().executeQuery("SELECT COUNT(*) FROM x")) {
                r.next();
                assertEquals(1, r.getInt(1));
            }
            assertEquals(1, db.queryLong("SELECT COUNT(*) FROM x"));
        }
        assertTrue(own.isClosed(), "close left the own session open");
    }

    @Test
    void aPoolNeedsAConnection() {
        assertThrows(IllegalArgumentException.class, () -> new Database("t", 0));
    }
}
