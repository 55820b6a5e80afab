package course.data;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FileExceptionTest {
    /** The smallest reader's error: its message is the place and the problem. */
    static final class ProbeException extends FileException {
        ProbeException(FileLocation at, Throwable cause) {
            super(at.describe("probe file") + ": broken", at, cause);
        }
    }

    @Test
    void givesThePlaceItCarriesPartByPart() {
        FileLocation at = new FileLocation(Path.of("a.txt"), 3, 8, "x");
        IllegalStateException cause = new IllegalStateException("inner");
        FileException e = new ProbeException(at, cause);
        assertSame(at, e.location());
        assertEquals(Path.of("a.txt"), e.file());
        assertEquals(3, e.line());
        assertEquals(8, e.column());
        assertSame(cause, e.getCause());
        assertEquals("probe file a.txt at line 3, column 8, field 'x': broken", e.getMessage());
    }

    @Test
    void refusesANullLocation() {
        assertThrows(NullPointerException.class, () -> new FileException("m", null, null) { });
    }
}
