package course.kernel;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Evaluating a cell's Java code snippet by snippet: which value it shows, and how it fails. */
class CellEvaluatorTest {
    static CourseKernel kernel;

    @BeforeAll
    static void start() {
        kernel = TestKernel.get();
    }

    @Test
    void anExpressionYieldsItsLiveValue() {
        assertEquals(42, kernel.evalRaw("40 + 2"));
        assertEquals(List.of(1, 2), kernel.evalRaw("List.of(1, 2)"));
    }

    @Test
    void onlyTheLastSnippetOfACellIsShown() {
        assertEquals("b", kernel.evalRaw("var s = \"a\";\n\"x\";\ns = \"b\";\ns"));
    }

    @Test
    void aStatementOrDeclarationShowsNothing() {
        assertNull(kernel.evalRaw("int shown = 3;"));
        assertNull(kernel.evalRaw("System.out.print(\"\");"));
        assertNull(kernel.evalRaw("for (int i = 0; i < 3; i++) { shown += i; }"));
        assertEquals(6, kernel.evalRaw("shown"));
    }

    @Test
    void aTrailingSemicolonHidesTheValue() {
        assertNull(kernel.evalRaw("40 + 2;"));
        assertNull(kernel.evalRaw("List.of(1, 2);  "));
        assertEquals(42, kernel.evalRaw("int hidden = 41;\nhidden + 1"));
    }

    @Test
    void methodsAndClassesPersistAcrossCells() {
        kernel.evalRaw("int twice(int n) { return 2 * n; }");
        kernel.evalRaw("record Pair(String a, int b) { int total() { return twice(b); } }");
        assertEquals(14, kernel.evalRaw("new Pair(\"x\", 7).total()"));
    }

    @Test
    void aCompilationErrorNamesTheLineAndTheCode() {
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> kernel.evalRaw("int fine = 1;\nint broken = missingName + 1;"));
        assertEquals("CompilationException", e.getClass().getSimpleName());
        assertTrue(e.getMessage().startsWith("line 2: cannot find symbol"), e.getMessage());
        assertTrue(e.getMessage().contains("int broken = missingName + 1;"), e.getMessage());
        assertTrue(e.getMessage().contains("^"), e.getMessage());
    }

    @Test
    void aCheckedExceptionIsReportedAsItself() {
        Exception e = assertThrows(Exception.class, () -> kernel.evalRaw("throw new java.io.IOException(\"disk\");"));
        assertInstanceOf(java.io.IOException.class, e);
    }

    @Test
    void incompleteInputSaysSo() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> kernel.evalRaw("void open() {\n  int a = 1;"));
        assertEquals("IncompleteInputException", e.getClass().getSimpleName());
        assertTrue(e.getMessage().contains("incomplete input at line 1"), e.getMessage());
    }

    @Test
    void theKernelKeepsWorkingAfterErrors() {
        assertThrows(RuntimeException.class, () -> kernel.evalRaw("undefined()"));
        assertThrows(RuntimeException.class, () -> kernel.evalRaw("throw new RuntimeException(\"x\");"));
        assertEquals(3, kernel.evalRaw("1 + 2"));
    }

    @Test
    void anUnresolvedReferenceIsExplained() {
        kernel.evalRaw("int usesLater() { return definedLater(); }");
        RuntimeException e = assertThrows(RuntimeException.class, () -> kernel.evalRaw("usesLater()"));
        assertEquals("UnresolvedReferenceException", e.getClass().getSimpleName());
        assertTrue(e.getMessage().contains("definedLater"), e.getMessage());
        kernel.evalRaw("int definedLater() { return 5; }");
        assertEquals(5, kernel.evalRaw("usesLater()"));
    }

    @Test
    void anInterruptBetweenSnippetsStopsTheNextOne() {
        kernel.evalRaw("int before = 0;");
        kernel.interrupt();
        assertEquals(2, kernel.evalRaw("1 + 1"), "a cell that starts after an interrupt runs normally");
    }
}
