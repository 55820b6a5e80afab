package course.kernel;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Carries "a cell failed with {@code stop_on_error}" from the execute handler to the shell
 * channel, which then aborts the execute requests already waiting behind it, as ipykernel does.
 *
 * <p>JupyterLab's "Run All Cells" sends every cell's execute_request at once, each with
 * {@code stop_on_error: true}. When one fails, the cells queued behind it must not run: each
 * gets an execute_reply with {@code status: "aborted"} and no execution. Only what is already
 * waiting on the shell socket is aborted; a request that arrives afterwards runs normally.
 *
 * <pre>{@code
 * stopOnError.trip();                 // ExecuteRequests: the cell failed, stop_on_error was set
 * if (stopOnError.take()) { ... }     // RequestChannel, after the handler: abort what waits
 * }</pre>
 */
final class StopOnError {
    /** Set by {@link #trip()}, cleared by {@link #take()}. */
    private final AtomicBoolean tripped = new AtomicBoolean();

    /** A non-silent cell failed and its request had stop_on_error set. */
    void trip() {
        tripped.set(true);
    }

    /** Whether {@link #trip()} was called since the last take; clears it. */
    boolean take() {
        return tripped.getAndSet(false);
    }
}
