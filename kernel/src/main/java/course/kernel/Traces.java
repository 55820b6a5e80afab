package course.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** Formats a stack trace for a notebook: the user's frames and the library's, not the kernel's. */
final class Traces {
    /** Frames from these prefixes are the kernel's own machinery, below the user's code. */
    private static final List<String> MACHINERY = List.of(
            "course.kernel.", "jdk.internal.reflect.", "java.lang.reflect.Method.", "java.lang.Thread.run");
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
        if (frame.getClassName().startsWith("REPL.$JShell$")) {
            String method = frame.getMethodName().equals("do_it$") ? "cell" : frame.getMethodName();
            return method + "(" + (frame.getFileName() == null ? "snippet" : "snippet " + frame.getFileName())
                    + (frame.getLineNumber() > 0 ? ":" + frame.getLineNumber() : "") + ")";
        }
        return frame.toString();
    }
}
