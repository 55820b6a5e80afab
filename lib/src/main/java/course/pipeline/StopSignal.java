package course.pipeline;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Why a run stopped early, the first failure or a cancel, and the one switch that stops it:
 * the first reason wins, and only the first runs the run's halt action (waking its channels and
 * interrupting its threads). Later failures are consequences of the stop and are ignored.
 */
final class StopSignal {
    /** Why a run stopped early. */
    private sealed interface Reason permits Failure, Cancelled {
    }

    private record Failure(String stage, Object item, String note, Throwable cause) implements Reason {
    }

    /** A cancel; {@code why} is the context's cause when a context stopped the run, else null. */
    private record Cancelled(RuntimeException why) implements Reason {
    }

    // The first reason to stop; set at most once (compare-and-set), never cleared.
    private final AtomicReference<Reason> reason = new AtomicReference<>();
    // Wakes and interrupts everything the run waits on; run once, by the first stop.
    private final Runnable halt;

    StopSignal(Runnable halt) {
        this.halt = halt;
    }

    /** Whether the run was cancelled or failed. */
    boolean stopped() {
        return reason.get() != null;
    }

    /** Cancels the run unless it already stopped; {@code why} is the context's cause or null. */
    void cancel(RuntimeException why) {
        stopWith(new Cancelled(why));
    }

    /** Records the failure of {@code stage} and stops the run, unless it already stopped. */
    void fail(String stage, Object item, String note, Throwable cause) {
        stopWith(new Failure(stage, item, note, cause));
    }

    /**
     * Reports that a thread of {@code stage} was interrupted: a consequence of the stop when the
     * run has stopped, else an interrupt from outside the run, which is the stage's failure.
     */
    void interrupted(String stage, InterruptedException e) {
        if (!stopped()) {
            fail(stage, null, "interrupted", e);
        }
    }

    /**
     * What the caller of the run is thrown: a fresh {@link PipelineException} carrying the first
     * failure, or a {@link CancellationException}; null while the run has not stopped.
     */
    RuntimeException exception() {
        return switch (reason.get()) {
            case null -> null;
            case Failure f -> new PipelineException(f.stage(), f.item(), f.note(), f.cause());
            case Cancelled c when c.why() != null -> {
                CancellationException e = new CancellationException("the pipeline was cancelled: " + c.why().getMessage());
                e.initCause(c.why());
                yield e;
            }
            case Cancelled c -> new CancellationException("the pipeline was cancelled");
        };
    }

    private void stopWith(Reason first) {
        if (reason.compareAndSet(null, first)) {
            halt.run();
        }
    }
}
