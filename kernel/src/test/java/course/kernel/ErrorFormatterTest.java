package course.kernel;

import course.kernel.KernelErrors.CompilationException;
import course.kernel.KernelErrors.MagicException;
import course.kernel.KernelErrors.UserError;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The text and names of the kernel's errors, built directly and raised by real cells. */
class ErrorFormatterTest {
    static CourseKernel kernel;

    @BeforeAll
    static void start() {
        kernel = TestKernel.get();
    }

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

    @Test
    void anErrorIsNamedByItsOwnClass() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> kernel.evalRaw("int down(int n) { return down(n + 1); }\ndown(0)"));
        assertEquals("StackOverflowError", ErrorFormatter.errorName(e));
    }

    @Test
    void aRuntimeExceptionKeepsItsRealClassMessageAndUserFrames() {
        kernel.evalRaw("void fail(String why) { throw new IllegalArgumentException(why); }");
        RuntimeException e = assertThrows(RuntimeException.class, () -> kernel.evalRaw("fail(\"bad input\")"));
        IllegalArgumentException real = assertInstanceOf(IllegalArgumentException.class, e);
        assertEquals("bad input", real.getMessage());
        List<String> trace = kernel.formatError(real);
        assertTrue(trace.getFirst().contains("java.lang.IllegalArgumentException: bad input"), trace.toString());
        assertTrue(trace.stream().anyMatch(line -> line.contains("fail(")), trace.toString());
        assertTrue(trace.stream().noneMatch(line -> line.contains("course.kernel.") || line.contains("reflect")),
                trace.toString());
    }

    @Test
    void anErrorIsCarriedWithItsRealClassName() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> kernel.evalRaw("throw new AssertionError(\"no\");"));
        assertTrue(e.getMessage().startsWith("java.lang.AssertionError: no"), e.getMessage());
        assertTrue(kernel.formatError(e).getFirst().contains("java.lang.AssertionError: no"));
    }
}
