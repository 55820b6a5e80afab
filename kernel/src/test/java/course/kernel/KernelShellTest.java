package course.kernel;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kernel's JShell as start-up leaves it: preview features, the start-up imports, the class path. */
class KernelShellTest {
    static CourseKernel kernel;

    @BeforeAll
    static void start() {
        kernel = TestKernel.get();
    }

    @Test
    void previewFeaturesWorkInACell() {
        assertTrue(KernelShell.previewEnabled(), "the tests, like the kernelspec, run with --enable-preview");
        assertTrue(kernel.getBanner().contains("preview features enabled"), kernel.getBanner());
        Object sum = kernel.evalRaw(String.join("\n",
                "int structured() throws Exception {",
                "    try (var scope = StructuredTaskScope.open()) {",
                "        var a = scope.fork(() -> 20);",
                "        var b = scope.fork(() -> 22);",
                "        scope.join();",
                "        return a.get() + b.get();",
                "    }",
                "}",
                "structured()"));
        assertEquals(42, sum);
    }

    @Test
    void startUpImportsAreAvailable() {
        assertEquals(Duration.ofSeconds(2), kernel.evalRaw("Duration.ofMillis(2000)"));
        assertInstanceOf(java.util.concurrent.ArrayBlockingQueue.class, kernel.evalRaw("new ArrayBlockingQueue<Integer>(1)"));
    }

    @Test
    void theCourseLibraryIsOnTheClassPath() {
        Object cores = kernel.evalRaw("course.Course.cores()");
        assertEquals(Runtime.getRuntime().availableProcessors(), cores);
    }
}
