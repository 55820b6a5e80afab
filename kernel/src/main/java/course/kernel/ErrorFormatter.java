package course.kernel;

import course.kernel.KernelErrors.CompilationException;
import course.kernel.KernelErrors.IncompleteInputException;
import course.kernel.KernelErrors.InterruptedCellException;
import course.kernel.KernelErrors.MagicException;
import course.kernel.KernelErrors.UnresolvedReferenceException;
import course.kernel.KernelErrors.UserError;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes what went wrong in a cell the way a Java programmer reads it: builds the messages of
 * the kernel's own errors ({@link KernelErrors}) from what JShell reports, and turns any error
 * into the lines of the notebook's error output, with a stack trace trimmed by {@link Traces}.
 *
 * <pre>
 * CompilationException
 * line 2: cannot find symbol
 *   symbol:   variable nope
 *     int y = nope;
 *             ^
 * </pre>
 */
final class ErrorFormatter {
    private ErrorFormatter() {
    }

    /** The lines the notebook shows for {@code e}: its name (styled), then its message or trace. */
    static List<String> lines(Throwable e, StringStyler styler) {
        return lines(e, styler, Traces.SnippetPlaces.NONE);
    }

    /** The same, with each frame of a cell's code shown at its line in the cell ({@code places}). */
    static List<String> lines(Throwable e, StringStyler styler, Traces.SnippetPlaces places) {
        List<String> lines = new ArrayList<>();
        if (e instanceof CompilationException || e instanceof IncompleteInputException
                || e instanceof InterruptedCellException || e instanceof UnresolvedReferenceException) {
            lines.add(styler.secondary(e.getClass().getSimpleName()));
            lines.addAll(List.of(e.getMessage().split("\n")));
            return lines;
        }
        if (e instanceof MagicException && e.getCause() == null) {
            lines.add(styler.secondary("MagicException"));
            lines.add(e.getMessage());
            return lines;
        }
        Throwable shown = e instanceof UserError ? e.getCause() : e;
        lines.add(styler.secondary(shown.toString()));
        lines.addAll(Traces.userFrames(shown, places));
        return lines;
    }

    /** The cell ends inside the snippet that starts at {@code start}, whose text is {@code rest}. */
    static IncompleteInputException incomplete(String cell, int start, String rest) {
        return new IncompleteInputException("incomplete input at line " + lineOf(cell, start)
                + ": the cell ends before this statement or declaration is finished"
                + " (a missing ';', ')' or '}'?)\n    " + firstLine(rest.strip()));
    }

    /** JShell rejected {@code snippet}, which starts at {@code start} in the cell: each error with its line and a caret. */
    static CompilationException compilation(JShell js, Snippet snippet, String cell, int start) {
        List<Diag> errors = js.diagnostics(snippet).filter(Diag::isError).toList();
        if (errors.isEmpty()) {
            return new CompilationException("line " + lineOf(cell, start) + ": the snippet was rejected: "
                    + firstLine(snippet.source()));
        }
        StringBuilder message = new StringBuilder();
        for (Diag diag : errors) {
            int at = Math.min(start + (int) Math.max(0, diag.getStartPosition()), cell.length());
            int line = lineOf(cell, at);
            if (!message.isEmpty()) {
                message.append("\n\n");
            }
            message.append("line ").append(line).append(": ").append(diag.getMessage(Locale.ROOT).strip());
            String codeLine = lineText(cell, line);
            int column = Math.max(0, at - lineStart(cell, line));
            message.append("\n    ").append(codeLine)
                    .append("\n    ").append(" ".repeat(Math.min(column, codeLine.length()))).append('^');
        }
        return new CompilationException(message.toString());
    }

    /** A declaration ran before what it refers to was defined. */
    static UnresolvedReferenceException unresolved(JShell js, jdk.jshell.UnresolvedReferenceException unresolved) {
        DeclarationSnippet declaration = unresolved.getSnippet();
        String missing = js.unresolvedDependencies(declaration).collect(Collectors.joining(", "));
        return new UnresolvedReferenceException("'" + firstLine(declaration.source().strip())
                + "' cannot run yet: it refers to " + (missing.isEmpty() ? "something" : missing)
                + ", which is not defined");
    }

    // ---------------------------------------------------------------- text helpers

    /** The 1-based line of {@code text} that holds {@code offset}. */
    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int lineStart(String text, int line) {
        int start = 0;
        for (int l = 1; l < line; l++) {
            int next = text.indexOf('\n', start);
            if (next < 0) {
                return text.length();
            }
            start = next + 1;
        }
        return start;
    }

    private static String lineText(String text, int line) {
        int start = lineStart(text, line);
        int end = text.indexOf('\n', start);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end) + " ...";
    }
}
