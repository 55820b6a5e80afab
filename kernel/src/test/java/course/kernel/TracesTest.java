package course.kernel;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Stack traces trimmed to user code, frames of generated classes placed, uncaught exceptions printed so. */
class TracesTest {
    /** Knows one generated class: its line 8 is line 2 of snippet 27, which is in cell [5] from line 3. */
    static final Traces.SnippetPlaces PLACES = new Traces.SnippetPlaces() {
        @Override
        public String place(String snippetId, int line) {
            return "cell [5] line " + (line + 2);
        }

        @Override
        public Traces.SnippetLine snippetLine(String className, int line) {
            return className.startsWith("REPL.$JShell$27") && line == 8 ? new Traces.SnippetLine("27", 2) : null;
        }
    };

    static IllegalStateException thrownAt(StackTraceElement... frames) {
        IllegalStateException e = new IllegalStateException("boom");
        e.setStackTrace(frames);
        return e;
    }

    @Test
    void aFrameOfAGeneratedClassIsNamedByItsCellAndLine() {
        IllegalStateException e = thrownAt(
                new StackTraceElement("REPL.$JShell$27$Task", "run", "$JShell$27.java", 8),
                new StackTraceElement("REPL.$JShell$27", "do_it$", "$JShell$27.java", 8));
        assertEquals(List.of("\tat Task.run(cell [5] line 4)", "\tat cell(cell [5] line 4)"),
                Traces.userFrames(e, PLACES));
    }

    @Test
    void aFrameOfAGeneratedClassThatIsNotKnownKeepsItsSnippetName() {
        IllegalStateException e = thrownAt(new StackTraceElement("REPL.$JShell$28", "go", "$JShell$28.java", 3));
        assertEquals(List.of("\tat go(snippet $JShell$28.java:3)"), Traces.userFrames(e, PLACES));
    }

    @Test
    void theKernelsAndItsBaseLibrarysFramesAreCutOff() {
        IllegalStateException e = thrownAt(
                new StackTraceElement("REPL.$JShell$27$Bad", "toString", "$JShell$27.java", 8),
                new StackTraceElement("org.dflib.jjava.jupyter.kernel.display.Renderer", "render", "Renderer.java", 191),
                new StackTraceElement("course.kernel.ExecuteRequests", "execute", "ExecuteRequests.java", 90));
        assertEquals(List.of("\tat Bad.toString(cell [5] line 4)"), Traces.userFrames(e, PLACES));
    }

    @Test
    void anUncaughtExceptionIsPrintedLikeTheJdksWithPlacedFrames() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(printed, true, StandardCharsets.UTF_8);
        IllegalStateException e = thrownAt(
                new StackTraceElement("REPL.$JShell$27", "lambda$do_it$Aux$0", "$JShell$27.java", 8),
                new StackTraceElement("java.lang.Thread", "run", "Thread.java", 1474));
        Thread worker = new Thread(() -> { }, "worker-1");
        Traces.uncaughtHandler(PLACES, () -> err).uncaughtException(worker, e);
        assertEquals("Exception in thread \"worker-1\" java.lang.IllegalStateException: boom\n"
                + "\tat lambda$do_it$Aux$0(cell [5] line 4)\n", printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    @SuppressWarnings("removal")
    void aThreadStoppedByAnInterruptOfItsCellEndsSilently() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(printed, true, StandardCharsets.UTF_8);
        Traces.uncaughtHandler(PLACES, () -> err).uncaughtException(Thread.currentThread(), new ThreadDeath());
        assertEquals("", printed.toString(StandardCharsets.UTF_8));
    }
}
