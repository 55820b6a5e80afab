package course.kernel;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code System.exit} and its kin in a cell. */
class SystemExitErrorTest {
    static CourseKernel kernel;

    @BeforeAll
    static void start() {
        kernel = TestKernel.get();
    }

    @Test
    void systemExitEndsTheCellNotTheKernel() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> kernel.evalRaw("System.out.print(\"\");\nSystem.exit(3);"));
        assertEquals("SystemExitError", ErrorFormatter.errorName(e));
        SystemExitError exit = assertInstanceOf(SystemExitError.class, e.getCause());
        assertEquals(3, exit.status());
        assertThrows(RuntimeException.class, () -> kernel.evalRaw("Runtime.getRuntime().halt(1);"));
        assertEquals(2, kernel.evalRaw("1 + 1"), "the kernel must go on");
    }
}
