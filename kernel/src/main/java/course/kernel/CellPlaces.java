package course.kernel;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Remembers where each JShell snippet came from, so that a stack trace names the cell and the
 * line there ("cell [3] line 5") instead of the snippet's own line: the kernel records every
 * snippet it evaluates, and {@link Traces} asks when it formats a frame of snippet code.
 *
 * <p>It also remembers which lines of JShell's generated classes ({@code REPL.$JShell$14},
 * compiled from a wrapper around the snippet) hold which line of which snippet, so that a frame
 * JShell did not translate is placed too: a frame of a value's {@code toString()} run while the
 * value is shown, or of a thread the cell started whose exception nobody caught
 * ({@code $JShell$14.java:5}).
 *
 * <pre>{@code
 * places.record("15", 3, 4);      // snippet 15 starts at line 4 of cell [3]
 * places.place("15", 2);          // "cell [3] line 5"
 * places.recordWrapper(analysis, snippet);        // after JShell compiled it
 * places.snippetLine("REPL.$JShell$15$Task", 7);  // snippet 15, line 2
 * }</pre>
 */
final class CellPlaces implements Traces.SnippetPlaces {
    /** The outer generated class of a frame's class: {@code REPL.$JShell$14} of {@code REPL.$JShell$14$Task}. */
    private static final Pattern GENERATED = Pattern.compile("^(REPL\\.\\$JShell\\$\\d+)(?:\\$.*)?$");

    /** By JShell snippet id: its cell's execution count (0 outside Jupyter) and its first line there. */
    private final Map<String, int[]> places = new ConcurrentHashMap<>();
    /**
     * By generated outer class name: for each line of its wrapper source that holds snippet code,
     * that snippet and line. Kept after a snippet is recompiled, for threads still running the old class.
     */
    private final Map<String, Map<Integer, Traces.SnippetLine>> wrappers = new ConcurrentHashMap<>();
    /** The JShell whose snippets a class not yet recorded is looked up in; null: none. */
    private volatile JShell shell;
    /** Where the snippet JShell is evaluating starts (cell, first line); null between snippets. */
    private volatile int[] evaluating;

    /**
     * JShell {@code js} evaluates a snippet that starts at line {@code firstLine} of cell
     * {@code cell}. Until {@link #evaluated()}, a generated class not yet recorded is looked up
     * among {@code js}'s snippets: a thread the snippet started may fail before JShell returns
     * the snippet's events, and so before {@link #record} and {@link #recordWrapper}.
     */
    void evaluating(JShell js, int cell, int firstLine) {
        shell = js;
        evaluating = new int[] {cell, firstLine};
    }

    /** The snippet of {@link #evaluating} has been evaluated. */
    void evaluated() {
        evaluating = null;
    }

    /** Snippet {@code id} starts at line {@code firstLine} (from 1) of cell {@code cell} (0: no count). */
    void record(String id, int cell, int firstLine) {
        places.put(id, new int[] {cell, firstLine});
    }

    /** Learns the lines of the class JShell generated for {@code snippet}, which it has just compiled. */
    void recordWrapper(SourceCodeAnalysis analysis, Snippet snippet) {
        if (snippet.kind() == Snippet.Kind.IMPORT || snippet.kind() == Snippet.Kind.ERRONEOUS) {
            return;
        }
        SourceCodeAnalysis.SnippetWrapper wrapper = analysis.wrapper(snippet);
        String className = wrapper.fullClassName();
        if (className == null || !GENERATED.matcher(className).matches()) {
            return;
        }
        String wrapped = wrapper.wrapped();
        String source = wrapper.source();
        Map<Integer, Traces.SnippetLine> lines = new HashMap<>(wrappers.getOrDefault(className, Map.of()));
        int line = 1;
        for (int start = 0; start <= wrapped.length(); line++) {
            int end = wrapped.indexOf('\n', start);
            end = end < 0 ? wrapped.length() : end;
            int at = sourcePosition(wrapper, wrapped, start, end);
            if (at >= 0) {
                lines.put(line, new Traces.SnippetLine(snippet.id(), ErrorFormatter.lineOf(source, at)));
            }
            start = end + 1;
        }
        wrappers.put(className, Map.copyOf(lines));
    }

    /**
     * The position in the snippet of the first character of {@code wrapped} in [start, end) that
     * was copied from the snippet's source (it maps there and back), or -1 when the line holds
     * only JShell's own code ("class $JShell$15 {", "return x = x_;").
     */
    private static int sourcePosition(SourceCodeAnalysis.SnippetWrapper wrapper, String wrapped, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!Character.isWhitespace(wrapped.charAt(i))) {
                int at = wrapper.wrappedToSourcePosition(i);
                if (wrapper.sourceToWrappedPosition(at) == i) {
                    return at;
                }
            }
        }
        return -1;
    }

    /** Where line {@code line} of snippet {@code id} is: "cell [3] line 2", or "line 2" outside Jupyter. */
    @Override
    public String place(String id, int line) {
        int[] place = places.get(id);
        if (place == null) {
            return NONE.place(id, line);
        }
        int cellLine = place[1] + line - 1;
        return (place[0] > 0 ? "cell [" + place[0] + "] " : "") + "line " + cellLine;
    }

    /** The snippet and its line that line {@code line} of generated class {@code className} runs; null if unknown. */
    @Override
    public Traces.SnippetLine snippetLine(String className, int line) {
        Matcher outer = GENERATED.matcher(className);
        if (!outer.matches()) {
            return null;
        }
        Map<Integer, Traces.SnippetLine> lines = wrappers.get(outer.group(1));
        if (lines == null) {
            lines = lookUp(outer.group(1));
        }
        return lines == null ? null : lines.get(line);
    }

    /**
     * Records the snippet whose generated class is {@code className}, from the shell's snippets,
     * newest first; one not placed yet is the snippet being evaluated. It runs on the thread whose exception is printed, which reads JShell's state:
     * JShell is then waiting for a snippet to end, or, if it changes its snippets meanwhile,
     * the lookup gives up and the frame keeps JShell's name.
     */
    private Map<Integer, Traces.SnippetLine> lookUp(String className) {
        JShell js = shell;
        if (js == null) {
            return null;
        }
        try {
            SourceCodeAnalysis analysis = js.sourceCodeAnalysis();
            List<Snippet> snippets = js.snippets().toList();
            for (int i = snippets.size() - 1; i >= 0; i--) {
                Snippet snippet = snippets.get(i);
                if (snippet.kind() != Snippet.Kind.IMPORT && snippet.kind() != Snippet.Kind.ERRONEOUS
                        && js.status(snippet).isActive()
                        && className.equals(analysis.wrapper(snippet).fullClassName())) {
                    recordWrapper(analysis, snippet);
                    int[] running = evaluating;
                    if (running != null) {
                        places.putIfAbsent(snippet.id(), running);
                    }
                    break;
                }
            }
        } catch (RuntimeException e) {
            return null;
        }
        return wrappers.get(className);
    }
}
