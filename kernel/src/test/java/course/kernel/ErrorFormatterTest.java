package course.kernel;

import course.kernel.KernelErrors.CompilationException;
import course.kernel.KernelErrors.MagicException;
import course.kernel.KernelErrors.UserError;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The text of the kernel's errors; the errors raised by real cells are checked in CourseKernelTest. */
class ErrorFormatterTest {
    /** A styler that adds only terminal codes around the name, so the lines after it compare as plain text. */
    static final StringStyler PLAIN = new StringStyler.Builder().build();

    @Test
    void linesAreCountedFromOne() {
        assertEquals(1, ErrorFormatter.lineOf("a\nb", 0));
        assertEquals(2, ErrorFormatter.lineOf("a\nb", 2));
        assertEquals(2, ErrorFormatter.lineOf("a\nb", 99));
    }

    @Test
    void anIncompleteCellNamesTheLineAndTheUnfinishedCode() {
        String cell = "int a = 1;\nvoid f() {\n  int b;";
        String message = ErrorFormatter.incomplete(cell, cell.indexOf("void"), "void f() {\n  int b;").getMessage();
        assertTrue(message.startsWith("incomplete input at line 2:"), message);
        assertTrue(message.endsWith("void f() { ..."), message);
    }

    @Test
    void aKernelErrorShowsItsNameThenItsMessageLineByLine() {
        List<String> lines = ErrorFormatter.lines(new CompilationException("line 1: x\n    y"), PLAIN);
        assertTrue(lines.getFirst().contains("CompilationException"), lines.getFirst());
        assertEquals(List.of("line 1: x", "    y"), lines.subList(1, lines.size()));
        List<String> magic = ErrorFormatter.lines(new MagicException("unknown"), PLAIN);
        assertTrue(magic.getFirst().contains("MagicException"), magic.getFirst());
        assertEquals(List.of("unknown"), magic.subList(1, magic.size()));
    }

    @Test
    void aUserErrorShowsTheErrorItCarries() {
        List<String> lines = ErrorFormatter.lines(new UserError(new AssertionError("no")), PLAIN);
        assertTrue(lines.getFirst().contains("java.lang.AssertionError: no"), lines.getFirst());
    }
}
