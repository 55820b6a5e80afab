package course.kernel;

import course.kernel.CellSplitter.Piece;
import course.kernel.CellSplitter.Piece.Chunk;
import jdk.jshell.SourceCodeAnalysis;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Help while a cell is being edited, answered by JShell's source analysis for the snippet under
 * the cursor ({@link CellSplitter#chunkAt}): completion (Tab), inspection (Shift-Tab) and
 * whether a console's input is complete.
 *
 * <pre>{@code
 * assist.complete("List.of(1).siz", 14);     // "size()" from offset 11
 * assist.isComplete("void f() {");           // "    ": go on, indented
 * }</pre>
 */
final class CodeAssist {
    private final KernelShell shell;

    CodeAssist(KernelShell shell) {
        this.shell = shell;
    }

    /** The continuations JShell suggests at {@code cursor}, and the stretch of the cell they replace. */
    ReplacementOptions complete(String code, int cursor) {
        SourceCodeAnalysis analysis = shell.get().sourceCodeAnalysis();
        Chunk chunk = CellSplitter.chunkAt(analysis, code, cursor);
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions = analysis
                .completionSuggestions(chunk.text(), cursor - chunk.offset(), anchor);
        List<String> options = suggestions.stream()
                .map(SourceCodeAnalysis.Suggestion::continuation)
                .distinct()
                .toList();
        return new ReplacementOptions(options, chunk.offset() + anchor[0], cursor);
    }

    /** The signature and javadoc of what is at {@code cursor}, or {@code null} when JShell knows none. */
    DisplayData inspect(String code, int cursor) {
        SourceCodeAnalysis analysis = shell.get().sourceCodeAnalysis();
        Chunk chunk = CellSplitter.chunkAt(analysis, code, cursor);
        String text = chunk.text();
        int at = Math.min(cursor - chunk.offset(), text.length());
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(text, at, true);
        if (docs.isEmpty()) {
            // The cursor sits on a name rather than inside its argument list: ask as if just after "name(".
            int end = at;
            while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
                end++;
            }
            docs = analysis.documentation(text.substring(0, end) + "(", end + 1, true);
        }
        if (docs.isEmpty()) {
            return null;
        }
        String shown = docs.stream()
                .map(doc -> doc.signature() + (doc.javadoc() == null || doc.javadoc().isBlank()
                        ? "" : "\n\n" + doc.javadoc().strip()))
                .collect(Collectors.joining("\n\n"));
        return new DisplayData(shown);
    }

    /** "complete", "invalid", or the indent to go on with when the code stops inside a snippet. */
    String isComplete(String code) {
        if (code.stripLeading().startsWith("%")) {
            return BaseKernel.IS_COMPLETE_YES;
        }
        SourceCodeAnalysis analysis = shell.get().sourceCodeAnalysis();
        for (Piece piece = CellSplitter.first(analysis, code); piece != null; piece = piece.next(analysis)) {
            switch (piece.completeness()) {
                case EMPTY -> { return BaseKernel.IS_COMPLETE_YES; }
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> { return "    "; }   // the indent to go on with
                case UNKNOWN -> { return BaseKernel.IS_COMPLETE_BAD; }
                default -> { }
            }
        }
        return BaseKernel.IS_COMPLETE_YES;
    }
}
