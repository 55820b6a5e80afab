package course.kernel;

import course.kernel.CellSplitter.Piece;
import course.kernel.CellSplitter.Piece.Chunk;
import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a cell is cut into JShell snippets; evaluation through the cuts runs in CellEvaluatorTest. */
class CellSplitterTest {
    static JShell shell;
    static SourceCodeAnalysis analysis;

    @BeforeAll
    static void start() {
        shell = JShell.builder().executionEngine("local").build();
        analysis = shell.sourceCodeAnalysis();
    }

    @AfterAll
    static void stop() {
        shell.close();
    }

    private static List<Piece> pieces(String cell) {
        List<Piece> pieces = new ArrayList<>();
        for (Piece piece = CellSplitter.first(analysis, cell); piece != null; piece = piece.next(analysis)) {
            pieces.add(piece);
        }
        return pieces;
    }

    @Test
    void aBlankCellHasNoPieces() {
        assertNull(CellSplitter.first(analysis, "  \n "));
    }

    @Test
    void eachSnippetIsOnePieceWithWhereItStarts() {
        String cell = "int a = 1;\n  a + 1";
        List<Piece> pieces = pieces(cell);
        assertEquals(2, pieces.size());
        assertEquals(0, pieces.get(0).start());
        assertEquals(cell.indexOf("a + 1"), pieces.get(1).start());
        assertEquals(cell.length(), pieces.get(1).end());
        assertTrue(pieces.get(1).completeness().isComplete());
    }

    @Test
    void anUnfinishedSnippetEndsTheCellIncomplete() {
        List<Piece> pieces = pieces("int b = 2;\nvoid f() {");
        assertEquals(Completeness.DEFINITELY_INCOMPLETE, pieces.getLast().completeness());
        assertEquals("void f() {", pieces.getLast().rest().strip());
    }

    @Test
    void theChunkAtACursorIsTheSnippetThatHoldsIt() {
        String cell = "int c = 3;\nString.valueOf(c)";
        assertEquals(new Chunk("int c = 3;\nString.valueOf(c)", 0), CellSplitter.chunkAt(analysis, cell, 4));
        Chunk second = CellSplitter.chunkAt(analysis, cell, cell.length());
        assertEquals(cell.indexOf("\nString"), second.offset());
        assertEquals("String.valueOf(c)", second.text().strip());
    }
}
