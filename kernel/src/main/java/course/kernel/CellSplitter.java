package course.kernel;

import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

/**
 * Cuts a cell into the snippets JShell evaluates one at a time: the one place that walks a
 * cell with {@link SourceCodeAnalysis#analyzeCompletion}. Evaluation, {@code is_complete}
 * and completion all step through a cell the same way:
 *
 * <pre>{@code
 * for (Piece piece = CellSplitter.first(analysis, cell); piece != null; piece = piece.next(analysis)) {
 *     if (piece.completeness() == Completeness.EMPTY) break;
 *     ... piece.source(), piece.start() ...
 * }
 * }</pre>
 */
final class CellSplitter {
    private CellSplitter() {
    }

    /** The cell's first piece, or {@code null} when the cell is blank. */
    static Piece first(SourceCodeAnalysis analysis, String cell) {
        return cell.isBlank() ? null : new Piece(analysis.analyzeCompletion(cell), cell, 0);
    }

    /**
     * The text of the snippet that holds {@code cursor}, and where it starts in the cell: the
     * first piece that is empty, incomplete or reaches the cursor; what is left of the cell if none does.
     */
    static Piece.Chunk chunkAt(SourceCodeAnalysis analysis, String cell, int cursor) {
        Piece.Chunk after = new Piece.Chunk(cell, 0);
        for (Piece piece = first(analysis, cell); piece != null; piece = piece.next(analysis)) {
            Completeness completeness = piece.completeness();
            if (completeness == Completeness.EMPTY || piece.used() <= 0 || piece.end() >= cursor
                    || !completeness.isComplete()) {
                return new Piece.Chunk(piece.rest(), piece.offset());
            }
            after = new Piece.Chunk(piece.remaining(), piece.end());
        }
        return after;
    }

    /**
     * One step through a cell: JShell's analysis of the text from {@code offset} on.
     *
     * @param info   what JShell found at the start of {@code rest}
     * @param rest   the cell's text from this piece on (this snippet and everything after it)
     * @param offset where {@code rest} starts in the cell
     */
    record Piece(CompletionInfo info, String rest, int offset) {
        Completeness completeness() {
            return info.completeness();
        }

        /** The snippet's source as JShell would evaluate it; {@code null} for a malformed one. */
        String source() {
            return info.source();
        }

        /** Whether the snippet, as written in the cell, ends with a ';' (which hides an expression's value). */
        boolean endsWithSemicolon() {
            return rest.substring(0, Math.max(0, used())).strip().endsWith(";");
        }

        /** The cell's text after this snippet. */
        String remaining() {
            return info.remaining();
        }

        /** How many characters of the cell this snippet takes, leading space included. */
        int used() {
            return rest.length() - info.remaining().length();
        }

        /** Where the snippet's first non-blank character is in the cell. */
        int start() {
            int i = 0;
            while (i < rest.length() && Character.isWhitespace(rest.charAt(i))) {
                i++;
            }
            return offset + i;
        }

        /** Where the snippet ends in the cell. */
        int end() {
            return offset + used();
        }

        /** The next piece, or {@code null} when nothing but blanks is left or this piece made no progress. */
        Piece next(SourceCodeAnalysis analysis) {
            String remaining = info.remaining();
            if (remaining.isBlank() || used() <= 0) {
                return null;
            }
            return new Piece(analysis.analyzeCompletion(remaining), remaining, end());
        }

        /** A stretch of a cell and where it starts, for completion and inspection. */
        record Chunk(String text, int offset) {
        }
    }
}
