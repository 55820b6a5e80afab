package course.kernel;

import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.dflib.jjava.jupyter.messages.publish.PublishStream.StreamType;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The kernel's {@code System.out} and {@code System.err}: text is gathered into chunks and sent
 * as one stream message per chunk, on a short timer ({@link #FLUSH_MS}) or when a chunk is full
 * ({@link #CHUNK_BYTES}), as ipykernel does. One message per write would overrun the ZMQ
 * publisher's high-water mark, which then drops messages: a cell printing 200,000 lines lost
 * most of them. A {@code printf} without a newline is not split either.
 *
 * <p>Output goes to the target of the last cell that ran ({@link #attach}), even after that
 * cell ended, so a thread a cell started keeps printing into that cell's output, as in
 * ipykernel. Before the first cell, output goes to the process's own streams; while a silent
 * cell runs ({@link #mute}), it is dropped.
 *
 * <pre>{@code
 * Streams streams = new Streams(System.out, System.err);
 * streams.attach(message -> iopub.send(message));
 * streams.stdout().println("hello");   // sent within FLUSH_MS, or by flush()
 * streams.flush();                     // before the cell's reply
 * }</pre>
 */
final class Streams implements AutoCloseable {
    /** The longest that written text waits before it is sent. */
    static final long FLUSH_MS = 50;
    /** A chunk that reaches this size is sent at once, by the writing thread. */
    static final int CHUNK_BYTES = 64 * 1024;

    /** Guards {@link #target}, {@link #muted} and both buffers. */
    private final Object lock = new Object();
    /** Where chunks go; null before the first cell. Guarded by {@link #lock}. */
    private Consumer<PublishStream> target;
    /** Whether output is dropped (a silent cell runs). Guarded by {@link #lock}. */
    private boolean muted;
    private final Buffer out;
    private final Buffer err;
    private final PrintStream stdout;
    private final PrintStream stderr;
    private final ScheduledExecutorService timer;

    /** Streams that write to {@code processOut} and {@code processErr} until a cell attaches a target. */
    Streams(PrintStream processOut, PrintStream processErr) {
        this.out = new Buffer(StreamType.OUT, processOut);
        this.err = new Buffer(StreamType.ERR, processErr);
        this.stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
        this.stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "kernel-output-flush");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::flush, FLUSH_MS, FLUSH_MS, TimeUnit.MILLISECONDS);
    }

    PrintStream stdout() {
        return stdout;
    }

    PrintStream stderr() {
        return stderr;
    }

    /** From now on, output goes to {@code target} (after what was written before is sent where it belonged). */
    void attach(Consumer<PublishStream> target) {
        synchronized (lock) {
            sendAll();
            this.target = target;
            this.muted = false;
        }
    }

    /** Drops output until the next {@link #attach} or {@link #unmute}, for a silent cell. */
    void mute() {
        synchronized (lock) {
            sendAll();
            muted = true;
        }
    }

    /** Ends {@link #mute}: output goes to the last target again. */
    void unmute() {
        synchronized (lock) {
            out.reset();
            err.reset();
            muted = false;
        }
    }

    /** Sends whatever has been written and not sent yet. */
    void flush() {
        stdout.flush();
        stderr.flush();
        synchronized (lock) {
            sendAll();
        }
    }

    private void sendAll() {
        out.send();
        err.send();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        flush();
    }

    /** One stream's pending bytes. Guarded by the outer {@link #lock}. */
    private final class Buffer extends OutputStream {
        private final StreamType type;
        private final PrintStream process;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream(1024);

        Buffer(StreamType type, PrintStream process) {
            this.type = type;
            this.process = process;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            synchronized (lock) {
                // The other stream's text was written first: send it first, so the order holds.
                Buffer other = this == out ? err : out;
                if (other.pending.size() > 0) {
                    other.send();
                }
                pending.write(bytes, offset, length);
                if (pending.size() >= CHUNK_BYTES) {
                    send();
                }
            }
        }

        void reset() {
            pending.reset();
        }

        /** Sends the pending text up to its last whole character; the rest waits for its other bytes. */
        void send() {
            if (pending.size() == 0) {
                return;
            }
            byte[] bytes = pending.toByteArray();
            int whole = wholeCharacters(bytes);
            pending.reset();
            pending.write(bytes, whole, bytes.length - whole);
            if (whole == 0 || muted) {
                return;
            }
            String text = new String(bytes, 0, whole, StandardCharsets.UTF_8);
            if (target == null) {
                process.print(text);
                process.flush();
            } else {
                try {
                    target.accept(new PublishStream(type, text));
                } catch (RuntimeException e) {
                    process.print(text);
                }
            }
        }
    }

    /** How many leading bytes of UTF-8 {@code bytes} form whole characters. */
    static int wholeCharacters(byte[] bytes) {
        int end = bytes.length;
        // Look back over at most three continuation bytes for the lead byte of the last character.
        for (int back = 1; back <= Math.min(4, end); back++) {
            int b = bytes[end - back] & 0xFF;
            if ((b & 0xC0) == 0x80) {
                continue;                   // a continuation byte
            }
            int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return needed > back ? end - back : end;
        }
        return end;
    }
}
