package course.kernel;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Formats a stack trace for a notebook: the user's frames and the library's, not the kernel's,
 * each frame of cell code named by its cell and line ({@link SnippetPlaces}), whether JShell
 * translated it ({@code #15}, line in the snippet) or not ({@code REPL.$JShell$15}, line in
 * JShell's generated class). {@link #uncaughtHandler} prints a thread's uncaught exception so.
 */
final class Traces {
    /** Frames from these prefixes are the kernel's own machinery, below the user's code. */
    private static final List<String> MACHINERY = List.of(
            "course.kernel.", "org.dflib.jjava.", "jdk.internal.reflect.", "java.lang.reflect.Method.",
            "java.lang.Thread.run");
    /** The prefix of the classes JShell generates for snippets: REPL.$JShell$15, REPL.$JShell$15$Task. */
    private static final String GENERATED = "REPL.$JShell$";
    /** At most this many frames per exception, so a deep recursion stays readable. */
    private static final int MAX_FRAMES = 24;

    private Traces() {
    }

    /** Says where a line of a JShell snippet is in the notebook, such as "cell [3] line 2". */
    @FunctionalInterface
    interface SnippetPlaces {
        /** Knows no cells: a snippet's line is shown as the snippet's own. */
        SnippetPlaces NONE = (id, line) -> "snippet " + id + " line " + line;

        String place(String snippetId, int line);

        /** The snippet line that line {@code line} of JShell's generated class {@code className} runs; null if unknown. */
        default SnippetLine snippetLine(String className, int line) {
            return null;
        }
    }

    /** Line {@code line} (from 1) of JShell snippet {@code id}. */
    record SnippetLine(String id, int line) {
    }

    /**
     * Prints an exception no one caught as the JDK's default handler does ("Exception in thread
     * ..."), to the {@code err} of the moment, with the trace of {@link #userFrames}. A thread
     * stopped by an interrupt of its cell ({@link ThreadDeath}) is ended silently, as by the JDK.
     */
    static Thread.UncaughtExceptionHandler uncaughtHandler(SnippetPlaces places, Supplier<PrintStream> err) {
        return (thread, error) -> {
            if (error instanceof ThreadDeath) {
                return;
            }
            StringBuilder text = new StringBuilder("Exception in thread \"").append(thread.getName()).append("\" ")
                    .append(error).append('\n');
            for (String line : userFrames(error, places)) {
                text.append(line).append('\n');
            }
            err.get().print(text);
        };
    }

    /**
     * Gives {@code real} (and its causes) the stack trace JShell translated for it in
     * {@code translated}: frames of snippet code named by snippet id ({@code #15}) and line in the
     * snippet, instead of JShell's generated classes and their lines ({@code $JShell$15.java:6}).
     */
    static void adoptSnippetFrames(Throwable real, Throwable translated) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable r = real;
        Throwable t = translated;
        while (r != null && t != null && seen.add(r)) {
            r.setStackTrace(t.getStackTrace());
            r = r.getCause();
            t = t.getCause();
        }
    }

    /** The trace of {@code error} and its causes, one line per frame, trimmed to user code. */
    static List<String> userFrames(Throwable error) {
        return userFrames(error, SnippetPlaces.NONE);
    }

    /** The same, with each snippet frame placed by {@code places}. */
    static List<String> userFrames(Throwable error, SnippetPlaces places) {
        List<String> lines = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable current = error;
        boolean first = true;
        while (current != null && seen.add(current)) {
            if (!first) {
                lines.add("Caused by: " + current);
            }
            StackTraceElement[] frames = current.getStackTrace();
            int shown = 0;
            for (StackTraceElement frame : frames) {
                if (isMachinery(frame)) {
                    break;
                }
                if (shown == MAX_FRAMES) {
                    lines.add("\t... " + (frames.length - shown) + " more");
                    break;
                }
                lines.add("\tat " + describe(frame, places));
                shown++;
            }
            first = false;
            current = current.getCause();
        }
        return lines;
    }

    private static boolean isMachinery(StackTraceElement frame) {
        String where = frame.getClassName() + "." + frame.getMethodName();
        for (String prefix : MACHINERY) {
            if (where.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** A frame of a JShell snippet is shown as the cell code it came from. */
    private static String describe(StackTraceElement frame, SnippetPlaces places) {
        String file = frame.getFileName();
        if (file != null && file.startsWith("#")) {
            String type = frame.getClassName();
            String method = frame.getMethodName().isEmpty() ? "cell" : frame.getMethodName();
            return (type.isEmpty() ? "" : type + ".") + method + "("
                    + places.place(file.substring(1), Math.max(1, frame.getLineNumber())) + ")";
        }
        if (frame.getClassName().startsWith(GENERATED)) {
            SnippetLine line = places.snippetLine(frame.getClassName(), frame.getLineNumber());
            if (line != null) {
                String type = frame.getClassName().replaceFirst("^REPL\\.\\$JShell\\$\\d+\\$?", "");
                String method = frame.getMethodName().equals("do_it$") ? "cell" : frame.getMethodName();
                return (type.isEmpty() ? "" : type + ".") + method + "(" + places.place(line.id(), line.line()) + ")";
            }
            String method = frame.getMethodName().equals("do_it$") ? "cell" : frame.getMethodName();
            return method + "(" + (frame.getFileName() == null ? "snippet" : "snippet " + frame.getFileName())
                    + (frame.getLineNumber() > 0 ? ":" + frame.getLineNumber() : "") + ")";
        }
        return frame.toString();
    }
}
