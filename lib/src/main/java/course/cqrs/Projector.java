package course.cqrs;

import course.concurrent.Context;
import course.pool.Job;
import course.pool.WorkerPool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Keeps a {@link ReadStore} up to date with an {@link EventLog}, asynchronously: one consumer
 * per partition, each applying its partition's entries in offset order.
 *
 * <p><b>Machinery.</b> Each partition's consumer is the single job of a one-worker
 * {@link WorkerPool} from chapter 1, run under a {@link Context} that {@link #stop()} cancels.
 * The job ({@link PartitionConsumer}) loops: poll the log for up to {@value #BATCH} entries after
 * its offset (waiting at most {@link #POLL}), apply them in one transaction with
 * {@link ReadStore#applyAll}, record the new offset ({@link ProjectionProgress}), check the context.
 * If the batch fails, it is applied again one entry at a time to find the entry at fault. One worker per
 * partition gives the ordering guarantee: entries of one article share a partition, and a
 * partition has exactly one consumer.
 *
 * <p><b>Offsets.</b> A consumer starts from the offset the read store has recorded, so a
 * restarted or resumed projector continues where the store left off; the store moves the
 * offset in the same transaction as the rows, so nothing is applied twice.
 *
 * <p><b>Failures.</b> When applying an entry throws (or the {@code beforeApply} hook does),
 * that partition's consumer stops at the entry and records a {@link ProjectionException}
 * ({@link #failures()}); the other partitions go on. The lag of the failed partition then
 * grows. After fixing the cause, {@link #resume()} restarts the failed consumers from their
 * recorded offsets.
 *
 * <p><b>Lag.</b> {@link #lag()} counts the entries appended but not yet applied, and the age of
 * the oldest of them. {@link #awaitCaughtUp(Duration)} waits, bounded, for the lag to reach zero:
 * it sleeps on a signal the consumers give after every committed batch (and a failure, and a
 * rebuild's switch), and looks again only then, so waiting costs the projector nothing.
 *
 * <p><b>Rebuild.</b> {@link #rebuild()} replays the whole log, from offset 0, into a new read model
 * built beside the one queries read: the log is the golden source. It stops the consumers, has the
 * store start an empty model ({@code ReadStore.beginRebuild}), notes the log's end offsets, and
 * starts the consumers again, now filling the new model. When every partition of the new model has
 * reached the offsets noted, the consumer that gets there last switches it in
 * ({@code ReadStore.finishRebuild}), the old model is dropped, and the consumers go on as usual.
 * What a reader sees meanwhile:
 * <ul>
 *   <li>until the switch, the old model, consistent but stale: it stays as it was when the rebuild
 *       began, so events appended since then are missing from it;</li>
 *   <li>after the switch, the new model, which holds at least every event that was in the log when
 *       the rebuild began, and catches up with the rest like any projection;</li>
 *   <li>never an error, an empty model or a half-replayed one; a query waits only while the switch
 *       itself runs.</li>
 * </ul>
 * During a rebuild, {@link #lag()}, {@link #offsets()} and {@link #awaitCaughtUp} describe the new
 * model, the one being built; {@code awaitCaughtUp} returns true only after the switch. A consumer
 * that fails during a rebuild leaves the old model served until {@link #resume()} lets the rebuild
 * finish; {@link #stop()} pauses a rebuild, {@link #start()} continues it.
 *
 * <p><b>Stopping.</b> {@link #stop()} and {@link #close()} cancel the context, then close the
 * consumers' pools with the pools' bounded close, all within {@link #STOP_TIMEOUT}: each consumer
 * notices within one poll interval plus one apply; one still applying after the pool's nudge is
 * interrupted, its transaction rolls back, and the next start applies that batch again. If one
 * does not end in time, they throw rather than hang, naming the thread left. Both are idempotent, and
 * close never calls itself (the original example's close did, forever).
 *
 * <pre>{@code
 * EventLog log = new EventLog();
 * try (WriteService writes = new WriteService(log);
 *      ReadStore reads = new ReadStore();
 *      Projector projector = new Projector(log, reads).start()) {
 *     long id = writes.create(new CreateArticle("ana", "https://go.dev/blog", List.of("go"), List.of()));
 *     projector.awaitCaughtUp(Duration.ofSeconds(5));
 *     reads.articlesByHashtags(List.of("go"), 10);   // now contains the article
 * }
 * }</pre>
 */
public final class Projector implements AutoCloseable {
    /** How long a consumer waits for new entries before checking its context again. */
    public static final Duration POLL = Duration.ofMillis(20);
    /** How long stop and close wait for the consumers to end before giving up with an exception. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    /** The most entries a consumer takes from the log at a time. */
    static final int BATCH = 256;

    private final EventLog log;
    private final ReadStore store;
    private final int partitions;

    /** How far each partition has got, its failure, and the signal waiters wait on. */
    private final ProjectionProgress progress;
    /** The loop every partition's consumer runs. */
    private final PartitionConsumer loop;

    /**
     * The log's end offsets when the rebuild under way began, indexed by partition; null when no
     * rebuild is under way. Set by rebuild() while no consumer runs; cleared, after the switch, by
     * the consumer that performs it, under {@link #switching}.
     */
    private volatile long[] rebuildTarget;
    /** Makes the check-and-switch of a rebuild happen once, whichever consumer gets there last. */
    private final Object switching = new Object();

    /** Guards the lifecycle fields below. Never held while waiting for consumers. */
    private final Object lock = new Object();
    /** Per partition: its consumer's one-worker pool, or null when none was started since the last stop. */
    private final WorkerPool<Integer, Long>[] consumers;
    /** Cancelled by stop(); a new one is made by the next start(). Null while stopped. */
    private Context life;
    /** Set once by close(); start() is refused afterwards. */
    private boolean closed;

    /** A projector of {@code log} into {@code store}; call {@link #start()} to run it. */
    public Projector(EventLog log, ReadStore store) {
        this(log, store, entry -> { });
    }

    /**
     * A projector that calls {@code beforeApply} with each entry just before applying it, inside the
     * entry's transaction. The hook may throw to simulate a projection bug: the partition then stops
     * at that entry. It may be called more than once for an entry (a failed batch is retried one by
     * one), but an entry is applied only once.
     */
    @SuppressWarnings("unchecked")
    public Projector(EventLog log, ReadStore store, Consumer<LogEntry> beforeApply) {
        this.log = Objects.requireNonNull(log, "log");
        this.store = Objects.requireNonNull(store, "store");
        Objects.requireNonNull(beforeApply, "beforeApply");
        this.partitions = log.partitions();
        this.progress = new ProjectionProgress(partitions);
        this.loop = new PartitionConsumer(log, store, beforeApply, progress, this::switchIfRebuilt);
        this.consumers = (WorkerPool<Integer, Long>[]) new WorkerPool<?, ?>[partitions];
    }

    /**
     * Starts a consumer for every partition that has none running and has not failed. Calling it
     * while running does nothing more.
     *
     * @return this projector
     * @throws IllegalStateException when the projector is closed
     */
    public Projector start() {
        List<WorkerPool<Integer, Long>> finished = new ArrayList<>();
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("projector is closed; make a new one");
            }
            if (life == null) {
                life = Context.background().withCancel();
            }
            for (int p = 0; p < partitions; p++) {
                WorkerPool<Integer, Long> old = consumers[p];
                if (progress.hasFailed(p) || (old != null && !old.done().isDone())) {
                    continue;
                }
                if (old != null) {
                    finished.add(old);
                }
                consumers[p] = startConsumer(p, life);
            }
        }
        closeAll(finished, deadline());
        return this;
    }

    /**
     * Restarts the consumers of failed partitions from their recorded offsets, after the cause of
     * the failure has been fixed, and clears the failures.
     *
     * @return this projector
     * @throws IllegalStateException when the projector is closed
     */
    public Projector resume() {
        List<WorkerPool<Integer, Long>> stopped = new ArrayList<>();
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("projector is closed; make a new one");
            }
            for (int p = 0; p < partitions; p++) {
                if (progress.hasFailed(p) && consumers[p] != null) {
                    stopped.add(consumers[p]);
                    consumers[p] = null;
                }
            }
        }
        closeAll(stopped, deadline());
        for (int p = 0; p < partitions; p++) {
            progress.clear(p, false);
        }
        return start();
    }

    /**
     * Stops every consumer and waits, at most {@link #STOP_TIMEOUT}, for them to end. A later
     * {@link #start()} continues from the recorded offsets. Does nothing when already stopped.
     *
     * @throws IllegalStateException when a consumer did not end in time
     */
    public void stop() {
        List<WorkerPool<Integer, Long>> running = new ArrayList<>();
        synchronized (lock) {
            if (life != null) {
                life.cancel();
                life = null;
            }
            for (int p = 0; p < partitions; p++) {
                if (consumers[p] != null) {
                    running.add(consumers[p]);
                    consumers[p] = null;
                }
            }
        }
        closeAll(running, deadline());
    }

    /**
     * Rebuilds the read model from the whole log beside the one queries read, and switches to it
     * once it has caught up with the log as it is now (see the class comment for what readers see
     * meanwhile). Stops the consumers, clears failures, and starts them from offset 0 on the new
     * model. Returns at once; {@link #awaitCaughtUp} tells when the new model is switched in and
     * caught up. Calling it during a rebuild abandons that one and starts again.
     *
     * @return this projector
     * @throws IllegalStateException when the projector is closed
     */
    public Projector rebuild() {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("projector is closed; make a new one");
            }
        }
        stop();
        store.beginRebuild();
        for (int p = 0; p < partitions; p++) {
            progress.clear(p, true);
        }
        rebuildTarget = log.endOffsets();
        switchIfRebuilt(); // an empty log: the new model is complete already
        return start();
    }

    /** How far the read model is behind the log, over all partitions. */
    public Lag lag() {
        long[] ends = log.endOffsets();
        long behind = 0;
        long oldest = 0;
        for (int p = 0; p < partitions; p++) {
            long at = progress.next(p);
            if (ends[p] > at) {
                behind += ends[p] - at;
                oldest = Math.max(oldest, log.entry(p, at).age().toNanos());
            }
        }
        return behind == 0 ? Lag.NONE : new Lag(behind, Duration.ofNanos(oldest));
    }

    /**
     * Waits until every entry appended so far has been applied (and a rebuild under way has been
     * switched in), or until {@code timeout} passes, or until a partition that is behind has failed.
     *
     * @return whether the read model caught up
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        // a rebuilt model counts once it is switched in; the consumers signal every batch and the switch
        return progress.awaitReached(log.endOffsets(), () -> rebuildTarget == null, timeout);
    }

    /**
     * The number of steps the projector has taken: batches committed, failures, rebuild switches.
     * Read it before looking at the read side, then {@link #awaitStep} to sleep until the next step.
     */
    long steps() {
        return progress.steps();
    }

    /**
     * Waits until the projector has taken more than {@code seen} steps (see {@link #steps()}), or
     * {@code timeout} passes: a signal from the consumers, not a poll.
     *
     * @return the steps so far; {@code seen} when none came in time
     */
    long awaitStep(long seen, Duration timeout) throws InterruptedException {
        return progress.awaitStep(seen, timeout);
    }

    /** The failures that stopped consumers, by partition; empty when every consumer is healthy. */
    public Map<Integer, ProjectionException> failures() {
        return progress.failures();
    }

    /** The next offset the projector will apply in each partition. */
    public long[] offsets() {
        return progress.offsets();
    }

    /** How many entries this projector has applied (entries skipped as already applied are not counted). */
    public long applied() {
        return progress.applied();
    }

    /** The read store this projector fills. */
    public ReadStore store() {
        return store;
    }

    /**
     * Stops the consumers (bounded, as {@link #stop()}) and refuses further starts. The store and
     * the log are left open: they belong to whoever made them. Idempotent.
     */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
        stop();
    }

    @Override
    public String toString() {
        return "Projector[" + partitions + " partitions, applied " + applied() + ", " + lag()
                + (failures().isEmpty() ? "" : ", failed partitions " + failures().keySet()) + "]";
    }

    // ---- mechanics ---------------------------------------------------------------------

    private WorkerPool<Integer, Long> startConsumer(int partition, Context ctx) {
        WorkerPool<Integer, Long> pool = new WorkerPool<>(1);
        pool.generateFrom(List.of(Job.of("projector-p" + partition, "projection", partition, loop::consume)));
        pool.run(ctx);
        return pool;
    }

    /**
     * Switches the rebuilt model in when a rebuild is under way and every partition has reached the
     * offsets the log had when it began. Called by the consumers after each poll; cheap otherwise.
     */
    private void switchIfRebuilt() {
        long[] target = rebuildTarget;
        if (target == null) {
            return;
        }
        for (int p = 0; p < partitions; p++) {
            if (progress.next(p) < target[p]) {
                return;
            }
        }
        synchronized (switching) {
            if (rebuildTarget == target) {
                store.finishRebuild();
                rebuildTarget = null;
                progress.step();
            }
        }
    }

    private static long deadline() {
        return System.nanoTime() + STOP_TIMEOUT.toNanos();
    }

    /**
     * Closes each pool with the pools' own bounded close ({@link WorkerPool#close(Duration)}), all
     * of them within {@link #STOP_TIMEOUT} of {@code deadline}'s start. The consumers have been
     * cancelled already, so each ends within a poll and an apply; one still busy after the pool's
     * nudge is interrupted, and its batch, rolled back, is applied again by the next start.
     *
     * @throws IllegalStateException when a consumer has not ended by the deadline; the message
     *                               names its thread
     */
    private static void closeAll(List<WorkerPool<Integer, Long>> pools, long deadline) {
        for (WorkerPool<Integer, Long> pool : pools) {
            pool.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
    }
}
