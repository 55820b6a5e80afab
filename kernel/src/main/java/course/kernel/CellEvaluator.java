package course.kernel;

import course.kernel.CellSplitter.Piece;
import course.kernel.KernelErrors.InterruptedCellException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

import java.util.List;

/**
 * Evaluates the Java code of a cell (its magics already handled by {@link Magics}): cuts it into
 * snippets with {@link CellSplitter}, evaluates each with JShell in turn, and returns the live
 * value of the last one, or throws the error a Java programmer expects ({@link ErrorFormatter}
 * builds it). A trailing {@code ;} hides a value; an interrupt stops the cell between snippets
 * or, through the execution control, inside one. Each snippet's place in its cell, and the lines
 * of the class JShell generated for it, are recorded in {@link #places()} for stack traces.
 *
 * <pre>{@code
 * evaluator.beginCell();
 * Object value = evaluator.evalJava("int a = 40;\na + 2");   // 42
 * }</pre>
 */
final class CellEvaluator {
    /** Marks "the cell produced no value", as distinct from a null value. */
    static final Object NO_VALUE = new Object();

    private final KernelShell shell;
    /** Runs the snippets and holds their live values, failures and stop requests. */
    private final InProcessExecutionControl control;
    /** Where every snippet evaluated so far came from; only grows. */
    private final CellPlaces places = new CellPlaces();
    /** Set by {@link #requestInterrupt()}, cleared by {@link #beginCell()}; checked between snippets. */
    private volatile boolean interruptRequested;
    /** The execution count of the cell being evaluated, for stack traces; 0 outside Jupyter or between cells. */
    private volatile int cellNumber;

    CellEvaluator(KernelShell shell, InProcessExecutionControl control) {
        this.shell = shell;
        this.control = control;
    }

    /** Forgets an earlier interrupt and earlier values: a cell starts. */
    void beginCell() {
        interruptRequested = false;
        control.clearPendingStop();
        control.clearValues();
    }

    /** Stops the running cell: wakes a sleep or a blocked queue, ends a busy loop, skips the snippets left. */
    void requestInterrupt() {
        interruptRequested = true;
        control.stop();
    }

    /** Whether an interrupt arrived since the cell began; a magic that waits (%maven) polls it. */
    boolean interruptRequested() {
        return interruptRequested;
    }

    /** Sets the execution count that stack traces name the cell by; 0 for none. */
    void cellNumber(int count) {
        cellNumber = count;
    }

    /** Where each snippet came from, for the stack traces {@link ErrorFormatter} writes. */
    CellPlaces places() {
        return places;
    }

    /** Evaluates a user expression of an execute request, apart from the cell's own values. */
    Object evalExpression(String code) {
        control.clearValues();
        return evalJava(code);
    }

    /** Evaluates plain Java source (no magics); returns {@link #NO_VALUE} when there is no value. */
    Object evalJava(String code) {
        JShell js = shell.get();
        SourceCodeAnalysis analysis = js.sourceCodeAnalysis();
        Object last = NO_VALUE;
        for (Piece piece = CellSplitter.first(analysis, code); piece != null; piece = piece.next(analysis)) {
            if (interruptRequested) {
                throw new InterruptedCellException();
            }
            Completeness completeness = piece.completeness();
            if (completeness == Completeness.EMPTY) {
                break;
            }
            if (completeness == Completeness.DEFINITELY_INCOMPLETE
                    || completeness == Completeness.CONSIDERED_INCOMPLETE) {
                throw ErrorFormatter.incomplete(code, piece.start(), piece.rest());
            }
            if (piece.source() == null) {
                // An unknown (malformed) snippet: let JShell compile the rest and report its errors.
                return evalSnippet(js, piece.rest(), code, piece.start());
            }
            // Without its leading blank lines, so that JShell's line numbers count from piece.start().
            last = evalSnippet(js, piece.source().stripLeading(), code, piece.start());
            if (piece.endsWithSemicolon()) {
                last = NO_VALUE;    // a trailing ';' hides the value, as in other kernels
            }
        }
        return last;
    }

    private Object evalSnippet(JShell js, String source, String cell, int start) {
        List<SnippetEvent> events;
        places.evaluating(js, cellNumber, ErrorFormatter.lineOf(cell, start));
        try {
            events = js.eval(source);
        } finally {
            places.evaluated();
        }
        Object value = NO_VALUE;
        for (SnippetEvent event : events) {
            if (event.snippet() != null && event.status().isActive()) {
                // Also the dependents JShell recompiled (causeSnippet set): their classes are new.
                places.recordWrapper(js.sourceCodeAnalysis(), event.snippet());
            }
            if (event.causeSnippet() != null) {
                continue;
            }
            Snippet snippet = event.snippet();
            places.record(snippet.id(), cellNumber, ErrorFormatter.lineOf(cell, start));
            if (event.status() == Snippet.Status.REJECTED) {
                throw ErrorFormatter.compilation(js, snippet, cell, start);
            }
            if (control.takeStopped()) {
                throw new InterruptedCellException();
            }
            JShellException thrown = event.exception();
            if (thrown != null) {
                throw ErrorFormatter.runtime(js, thrown, control::takeFailure);
            }
            if (showsValue(snippet) && control.isValueKey(event.value())) {
                value = control.takeValue(event.value());
            }
        }
        if (control.takeStopped()) {
            throw new InterruptedCellException();
        }
        return value;
    }

    private static boolean showsValue(Snippet snippet) {
        return snippet.kind() == Snippet.Kind.EXPRESSION
                || snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }
}
