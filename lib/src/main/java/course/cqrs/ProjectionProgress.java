package course.cqrs;

import course.concurrent.internal.Durations;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * How far a {@link Projector} has got in each partition, which partitions have failed, and a
 * signal each time that changes, so that a waiter sleeps until the projector moves instead of
 * polling it. Every change ({@link #advance}, {@link #fail}, {@link #step}) counts one step and
 * wakes every waiter; {@link #awaitReached} and {@link #awaitStep} wait on that signal, bounded.
 *
 * <pre>{@code
 * long seen = progress.steps();          // read before looking, so that no step is missed
 * while (!visible()) {
 *     seen = progress.awaitStep(seen, Duration.ofSeconds(5));
 * }
 * }</pre>
 */
final class ProjectionProgress {
    private final int partitions;
    /** Per partition: the next offset to apply, a mirror of the store's offset, set after each commit. */
    private final AtomicLongArray next;
    /** Per partition: the failure that stopped its consumer, or null. */
    private final AtomicReferenceArray<ProjectionException> failed;
    /** Entries applied, over all partitions (skipped ones not counted). */
    private final AtomicLong applied = new AtomicLong();
    /** Held only to count a step and signal it, or to look and wait. */
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled on every step. */
    private final Condition moved = lock.newCondition();
    /** The steps so far; only grows. Guarded by {@link #lock}. */
    private long steps;

    ProjectionProgress(int partitions) {
        this.partitions = partitions;
        this.next = new AtomicLongArray(partitions);
        this.failed = new AtomicReferenceArray<>(partitions);
    }

    /** The next offset to apply in a partition. */
    long next(int partition) {
        return next.get(partition);
    }

    /** Every partition's next offset. */
    long[] offsets() {
        long[] out = new long[partitions];
        for (int p = 0; p < partitions; p++) {
            out[p] = next.get(p);
        }
        return out;
    }

    /** Where a consumer starts: its partition's next offset is {@code offset}. Not a step. */
    void startAt(int partition, long offset) {
        next.set(partition, offset);
    }

    /** A commit moved the partition's next offset to {@code offset}, applying {@code count} entries. */
    void advance(int partition, long offset, int count) {
        applied.addAndGet(count);
        next.set(partition, offset);
        step();
    }

    /** Entries applied that a later {@link #advance} will not count. */
    void addApplied(int count) {
        applied.addAndGet(count);
    }

    /** The partition's consumer stopped at an entry. */
    void fail(int partition, ProjectionException failure) {
        failed.set(partition, failure);
        step();
    }

    /** Forgets a partition's failure, and, when {@code restart}, sets its next offset back to 0. Not a step. */
    void clear(int partition, boolean restart) {
        failed.set(partition, null);
        if (restart) {
            next.set(partition, 0);
        }
    }

    boolean hasFailed(int partition) {
        return failed.get(partition) != null;
    }

    /** The failures, by partition. */
    Map<Integer, ProjectionException> failures() {
        Map<Integer, ProjectionException> out = new TreeMap<>();
        for (int p = 0; p < partitions; p++) {
            ProjectionException e = failed.get(p);
            if (e != null) {
                out.put(p, e);
            }
        }
        return out;
    }

    long applied() {
        return applied.get();
    }

    /** Counts one step and wakes every waiter; for a change this class does not see (a rebuild's switch). */
    void step() {
        lock.lock();
        try {
            steps++;
            moved.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The steps so far. */
    long steps() {
        lock.lock();
        try {
            return steps;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until there have been more than {@code seen} steps, or {@code timeout} passes.
     *
     * @return the steps so far: {@code seen} when none came in time
     */
    long awaitStep(long seen, Duration timeout) throws InterruptedException {
        long end = Durations.deadlineAfter(Objects.requireNonNull(timeout, "timeout"));
        lock.lockInterruptibly();
        try {
            while (steps == seen) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                moved.awaitNanos(left);
            }
            return steps;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until every partition's next offset has reached {@code target} and {@code settled}
     * holds, or a partition that is behind has failed, or {@code timeout} passes. Looks again on
     * each step only.
     *
     * @return whether the target was reached
     */
    boolean awaitReached(long[] target, BooleanSupplier settled, Duration timeout) throws InterruptedException {
        long end = Durations.deadlineAfter(Objects.requireNonNull(timeout, "timeout"));
        lock.lockInterruptibly();
        try {
            while (true) {
                boolean reached = settled.getAsBoolean();
                for (int p = 0; p < partitions; p++) {
                    if (next.get(p) < target[p]) {
                        reached = false;
                        if (failed.get(p) != null) {
                            return false;
                        }
                    }
                }
                long left = end - System.nanoTime();
                if (reached || left <= 0) {
                    return reached;
                }
                moved.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }
}
