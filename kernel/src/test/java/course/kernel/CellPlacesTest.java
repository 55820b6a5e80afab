package course.kernel;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A snippet's frames in a stack trace are named by their cell and line there. */
class CellPlacesTest {
    static CourseKernel kernel;

    @BeforeAll
    static void start() {
        kernel = TestKernel.get();
    }

    @Test
    void aSnippetsLineIsCountedFromItsFirstLineInItsCell() {
        CellPlaces places = new CellPlaces();
        places.record("15", 3, 4);
        places.record("16", 0, 2);
        assertEquals("cell [3] line 5", places.place("15", 2));
        assertEquals("line 2", places.place("16", 1));
        assertEquals("snippet 17 line 1", places.place("17", 1));
    }

    @Test
    void aStackTraceShowsTheLineInTheCell() {
        kernel.evalRaw("int ok = 0;\n\nvoid blowUp(int n) {\n    int a = 1;\n    throw new IllegalStateException(\"at line 5\");\n}");
        RuntimeException e = assertThrows(RuntimeException.class, () -> kernel.evalRaw("int z = 0;\nblowUp(z);"));
        List<String> trace = kernel.formatError(e);
        assertTrue(trace.stream().anyMatch(line -> line.contains("blowUp(line 5)")), trace.toString());
        assertTrue(trace.stream().anyMatch(line -> line.contains("cell(line 2)")), trace.toString());
        assertTrue(trace.stream().noneMatch(line -> line.contains("$JShell$")), trace.toString());
    }
}
