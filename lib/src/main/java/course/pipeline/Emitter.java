package course.pipeline;

import course.pipeline.Channel.Chunk;

import java.util.ArrayList;
import java.util.List;

/**
 * Sends a stage's outputs on its output channel, one by one or, when the stage batches, in
 * {@link Chunk}s of {@code batch} items, so that one hand-off moves a chunk. Used by one thread
 * at a time; counts what it sends in the stage's {@code out} counter.
 */
final class Emitter {
    private final Channel out;
    // At least 1; 1 sends every item on its own.
    private final int batch;
    private final StageCounters counters;
    // Null when batch is 1; else the items of the next chunk, fewer than batch of them.
    private List<Object> buffer;

    Emitter(Channel out, int batch, StageCounters counters) {
        this.out = out;
        this.batch = batch;
        this.counters = counters;
        this.buffer = batch > 1 ? new ArrayList<>(batch) : null;
    }

    /** Whether the next {@link #emit} hands something to the channel (and so may wait). */
    boolean sendsNext() {
        return buffer == null || buffer.size() == batch - 1;
    }

    /** Sends {@code item}, or buffers it until its chunk is full. */
    void emit(Object item) throws InterruptedException {
        if (buffer == null) {
            counters.out.increment();
            out.send(item);
            return;
        }
        buffer.add(item);
        if (buffer.size() == batch) {
            counters.out.add(batch);
            out.send(new Chunk(buffer));
            buffer = new ArrayList<>(batch);
        }
    }

    /**
     * Emits every item of {@code items} and returns the list the caller should fill next.
     * When {@code items} is exactly one chunk and nothing is buffered, the list itself is
     * sent as the chunk (no copy), and a fresh list is returned; otherwise the items are
     * emitted one by one and {@code items} comes back empty.
     */
    List<Object> emitAll(List<Object> items) throws InterruptedException {
        if (buffer != null && buffer.isEmpty() && items.size() == batch) {
            counters.out.add(batch);
            out.send(new Chunk(items));
            return new ArrayList<>(batch);
        }
        for (Object item : items) {
            emit(item);
        }
        items.clear();
        return items;
    }

    /** Sends the last, short chunk, if any items are buffered. */
    void flush() throws InterruptedException {
        if (buffer != null && !buffer.isEmpty()) {
            counters.out.add(buffer.size());
            out.send(new Chunk(buffer));
            buffer = new ArrayList<>(batch);
        }
    }
}
