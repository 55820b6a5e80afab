package course.measure;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A {@link PrintStream} whose text so far is handed, whole, to a listener at most a few times a
 * second: for showing a long run's printed progress (JMH's lines, one per finished benchmark) as
 * one notebook output that is replaced in place, rather than as a stream.
 *
 * <p>Writers never wait for the listener: a thread of the live text looks every interval
 * ({@link Progress#DEFAULT_INTERVAL}) for new text and hands it on, so a line is shown within an
 * interval even when the next one is long in coming. {@link #close()} stops that thread, joins it,
 * and shows the final text if it was not shown yet.
 *
 * <pre>{@code
 * String shown = display("starting ...");
 * try (var live = LiveText.to(text -> updateDisplay(shown, text))) {
 *     Suite.run(Suite.Profile.QUICK, Results.dir(), "a note", live.stream(), "PitfallsBench");
 * }
 * }</pre>
 */
public final class LiveText implements AutoCloseable {
    /** Everything written so far, as UTF-8 bytes. Guarded by itself. */
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream;
    private final Consumer<String> listener;
    private final Thread poller;
    /** How many bytes the listener has been shown; at most bytes.size(). Guarded by bytes. */
    private int shownBytes = -1;

    private LiveText(Consumer<String> listener, Duration interval) {
        this.listener = Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative()) {
            throw new IllegalArgumentException("interval must not be negative, got " + interval);
        }
        OutputStream sink = new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (bytes) {
                    bytes.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (bytes) {
                    bytes.write(b, off, len);
                }
            }
        };
        this.stream = new PrintStream(sink, true, StandardCharsets.UTF_8);
        long pollMillis = Math.max(10, interval.toMillis());
        this.poller = Thread.ofVirtual().name("live-text").start(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(pollMillis);
                    showIfNew();
                }
            } catch (InterruptedException e) {
                // closed: close() shows the rest
            }
        });
    }

    /** A live text that hands its text to {@code listener} at most every {@link Progress#DEFAULT_INTERVAL}. */
    public static LiveText to(Consumer<String> listener) {
        return new LiveText(listener, Progress.DEFAULT_INTERVAL);
    }

    /** A live text that looks for new text every {@code interval} (at least every 10 ms). */
    public static LiveText to(Consumer<String> listener, Duration interval) {
        return new LiveText(listener, interval);
    }

    /** The stream to print to; it flushes at every line. */
    public PrintStream stream() {
        return stream;
    }

    /** Everything written so far. */
    public String text() {
        synchronized (bytes) {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    private void showIfNew() {
        synchronized (bytes) {   // one call at a time, in order, each with more text than the last
            if (bytes.size() != shownBytes) {
                shownBytes = bytes.size();
                listener.accept(bytes.toString(StandardCharsets.UTF_8));
            }
        }
    }

    /** Stops looking, waits for the looking thread to end, then shows the final text if it is new. */
    @Override
    public void close() {
        stream.flush();
        Progress.stopAndJoin(poller);
        showIfNew();
    }
}
