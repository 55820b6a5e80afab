package course.kernel;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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

    @Test
    void aFrameOfAValueShownAfterItsCellIsPlacedInTheCellThatDefinedIt() {
        kernel.evalRaw("int unused = 0;\nclass Unprintable {\n    public String toString() {\n        throw new IllegalStateException(\"no text\");\n    }\n}");
        // Rendering calls toString() outside JShell, which translates no frame of it.
        RuntimeException e = assertThrows(RuntimeException.class, () -> kernel.eval("new Unprintable()"));
        List<String> trace = kernel.formatError(e);
        assertTrue(trace.stream().anyMatch(line -> line.contains("Unprintable.toString(line 4)")), trace.toString());
        assertTrue(trace.stream().noneMatch(line -> line.contains("$JShell$") || line.contains("org.dflib")),
                trace.toString());
    }

    @Test
    void aThrowableCaughtFromAThreadIsPlacedAtTheLinesOfItsLambda() {
        Object caught = kernel.evalRaw("var failed = new AtomicReference<Throwable>();\n"
                + "var worker = new Thread(() -> {\n    throw new IllegalStateException(\"in a worker\");\n});\n"
                + "worker.setUncaughtExceptionHandler((t, e) -> failed.set(e));\n"
                + "worker.start();\nworker.join();\nfailed.get()");
        List<String> trace = kernel.formatError(assertInstanceOf(IllegalStateException.class, caught));
        assertTrue(trace.stream().anyMatch(line -> line.contains("(line 3)")), trace.toString());
        assertTrue(trace.stream().noneMatch(line -> line.contains("$JShell$")), trace.toString());
    }

    @Test
    void anUncaughtExceptionOfAThreadWhoseSnippetStillRunsIsPlacedToo() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(printed, true, StandardCharsets.UTF_8);
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler(Traces.uncaughtHandler(kernel.places(), () -> err));
        try {
            // One snippet: the thread fails before JShell returns the snippet's events.
            kernel.evalRaw("int first = 1;\nThread.ofPlatform().name(\"failing\").start(() -> {\n"
                    + "    throw new IllegalStateException(\"while its snippet runs\");\n}).join();");
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("Exception in thread \"failing\" java.lang.IllegalStateException: while its snippet runs"),
                text);
        assertTrue(text.contains("(line 3)"), text);
        assertTrue(!text.contains("$JShell$"), text);
    }
}
