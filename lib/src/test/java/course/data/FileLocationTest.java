package course.data;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FileLocationTest {
    private static final Path FILE = Path.of("jobs.json");

    @Test
    void describesEveryKnownPartAfterTheKind() {
        assertEquals("job file jobs.json at line 4, column 13, field 'jobs[0].id'",
                new FileLocation(FILE, 4, 13, "jobs[0].id").describe("job file"));
    }

    @Test
    void leavesOutTheColumnAndFieldWhenUnknown() {
        assertEquals("log file jobs.json at line 3", new FileLocation(FILE, 3, 0, null).describe("log file"));
    }

    @Test
    void theFileAsAWholeHasNoLineColumnOrField() {
        FileLocation whole = FileLocation.of(FILE);
        assertEquals(0, whole.line());
        assertEquals(0, whole.column());
        assertNull(whole.field());
        assertEquals("data file jobs.json", whole.describe("data file"));
    }

    @Test
    void aColumnWithoutALineAndAnEmptyFieldAreDropped() {
        FileLocation at = new FileLocation(FILE, -1, 7, "");
        assertEquals(0, at.line());
        assertEquals(0, at.column());
        assertNull(at.field());
    }

    @Test
    void refusesANullFileOrKind() {
        assertThrows(NullPointerException.class, () -> FileLocation.of(null));
        assertThrows(NullPointerException.class, () -> FileLocation.of(FILE).describe(null));
    }
}
