package course.cqrs;

import course.concurrent.Context;

import java.util.List;
import java.util.function.Consumer;

/**
 * The loop one partition's consumer runs for a {@link Projector}: poll the log after the
 * partition's offset, apply each batch to the read store in one transaction, record the progress.
 * The projector runs one per partition, each as the single job of a one-worker pool, and owns
 * their lifecycle; this class owns only what happens to the entries.
 *
 * <pre>{@code
 * PartitionConsumer loop = new PartitionConsumer(log, store, e -> { }, progress, () -> { });
 * pool.generateFrom(List.of(Job.of("projector-p0", "projection", 0, loop::consume)));
 * }</pre>
 */
final class PartitionConsumer {
    private final EventLog log;
    private final ReadStore store;
    private final Consumer<LogEntry> beforeApply;
    private final ProjectionProgress progress;
    /** Run after every poll, by the consumer's thread; cheap when there is nothing to do. */
    private final Runnable afterPoll;

    PartitionConsumer(EventLog log, ReadStore store, Consumer<LogEntry> beforeApply, ProjectionProgress progress,
                      Runnable afterPoll) {
        this.log = log;
        this.store = store;
        this.beforeApply = beforeApply;
        this.progress = progress;
        this.afterPoll = afterPoll;
    }

    /**
     * One partition's consumer. Plan:
     * 1. Start from the offset the store has recorded.
     * 2. Until the context is done: poll for a batch of entries after the offset (bounded wait),
     *    apply it in one transaction, move the offset past it (a step of the progress, which wakes
     *    its waiters); after each poll, run the projector's hook (a rebuild's switch).
     * 3. If the batch fails, apply it one entry at a time; the first entry that fails on its own
     *    is recorded as the failure and ends the consumer, leaving the offset at that entry.
     *    A batch that fails once the context is done (the close interrupted it) is no failure: its
     *    transaction rolled back, and the consumer ends quietly, as when its poll is interrupted.
     *
     * @return how many entries this run applied
     */
    long consume(Context ctx, Integer partition) {
        int p = partition;
        long offset = store.nextOffset(p);
        progress.startAt(p, offset);
        long count = 0;
        try {
            while (!ctx.isDone()) {
                List<LogEntry> batch = log.poll(p, offset, Projector.BATCH, Projector.POLL);
                if (batch.isEmpty()) {
                    afterPoll.run();
                    continue;
                }
                int done;
                try {
                    done = store.applyAll(batch, beforeApply);
                } catch (RuntimeException | Error batchFailure) {
                    if (ctx.isDone()) {
                        break;   // stopped mid-batch (an interrupt from close): rolled back, applied again on start
                    }
                    count += applyOneByOne(ctx, p, batch); // finds the exact entry at fault
                    if (ctx.isDone()) {
                        break;   // stopped part-way: the entries applied have advanced the progress
                    }
                    done = 0;
                }
                count += done;
                offset = batch.getLast().offset() + 1;
                progress.advance(p, offset, done);      // wakes awaitCaughtUp and the lag probe
                afterPoll.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopped from outside: end quietly
        }
        return count;
    }

    /**
     * Applies a batch that failed as a whole one entry at a time, so that the entries before the
     * bad one are applied and the failure names the bad one.
     *
     * @throws ProjectionException for the first entry that fails on its own
     */
    private int applyOneByOne(Context ctx, int p, List<LogEntry> batch) {
        int done = 0;
        for (LogEntry entry : batch) {
            int one;
            try {
                one = store.applyAll(List.of(entry), beforeApply);
            } catch (RuntimeException | Error e) {
                if (ctx.isDone()) {
                    return done;   // stopped, not failed: the next start applies the rest
                }
                ProjectionException failure = new ProjectionException(entry, e);
                progress.fail(p, failure);
                throw failure;
            }
            done += one;
            progress.advance(p, entry.offset() + 1, one);
        }
        return done;
    }

}
