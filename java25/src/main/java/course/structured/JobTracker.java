package course.structured;

import course.concurrent.ContextException;
import course.pool.Job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches jobs run: wrap each job with {@link #track(Job)} and the tracker records, per job id,
 * the thread that ran it and how it ended. It answers the questions this chapter asks of every
 * way to run a batch: how many jobs finished, how many failed, how many were <em>cancelled</em>
 * (interrupted, or stopped by their context), and whether any thread is still running after the
 * call returned (a <em>leak</em>).
 *
 * <p>An ending is one of {@link Ending}. A job that was never started has no entry.
 *
 * <pre>{@code
 * var tracker = new JobTracker();
 * var jobs = tracker.trackAll(ChapterJobs.tenWithAFailure(Duration.ofMillis(10)));
 * ... run the jobs any way ...
 * System.out.println(tracker.count(JobTracker.Ending.CANCELLED) + " cancelled, "
 *         + tracker.stillRunning() + " still running, on " + tracker.threadsAlive() + " live threads");
 * }</pre>
 */
public final class JobTracker {
    /** How a tracked job ended, or {@link #RUNNING} while it has not. */
    public enum Ending { RUNNING, COMPLETED, FAILED, CANCELLED }

    /** One tracked job's run: its thread and its ending. */
    public record Entry(String id, Thread thread, long startNanos, long endNanos, Ending ending) {
    }

    /** The clock every entry's times count from. */
    private final long origin = System.nanoTime();
    /** Job id to its entry; an entry is replaced once, when its job ends (RUNNING to an ending). */
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** The same job, recording its thread and ending here. */
    public <A, R> Job<A, R> track(Job<A, R> job) {
        Objects.requireNonNull(job, "job");
        String id = job.descriptor().id();
        return new Job<>(job.descriptor(), (ctx, args) -> {
            long start = System.nanoTime() - origin;
            entries.put(id, new Entry(id, Thread.currentThread(), start, -1, Ending.RUNNING));
            Ending ending = Ending.FAILED;
            try {
                R value = job.function().apply(ctx, args);
                ending = Ending.COMPLETED;
                return value;
            } catch (InterruptedException | ContextException e) {
                ending = Ending.CANCELLED;
                throw e;
            } finally {
                entries.put(id, new Entry(id, Thread.currentThread(), start, System.nanoTime() - origin, ending));
            }
        }, job.args());
    }

    /** Every job of {@code jobs}, tracked, in the same order. */
    public <A, R> List<Job<A, R>> trackAll(List<Job<A, R>> jobs) {
        Objects.requireNonNull(jobs, "jobs");
        List<Job<A, R>> tracked = new ArrayList<>(jobs.size());
        for (Job<A, R> job : jobs) {
            tracked.add(track(job));
        }
        return tracked;
    }

    /** The entries so far, sorted by start time. */
    public List<Entry> entries() {
        return entries.values().stream().sorted((a, b) -> Long.compare(a.startNanos(), b.startNanos())).toList();
    }

    /** How many jobs have ended so, or are {@link Ending#RUNNING}. */
    public long count(Ending ending) {
        Objects.requireNonNull(ending, "ending");
        return entries.values().stream().filter(e -> e.ending() == ending).count();
    }

    /** How many jobs started. */
    public int started() {
        return entries.size();
    }

    /** How many jobs have started and not ended: after a call returns, the jobs it left running. */
    public long stillRunning() {
        return count(Ending.RUNNING);
    }

    /**
     * The threads that ran a tracked job and are still alive. A pool's threads stay alive between
     * jobs; the threads of a structured scope or of a thread-per-job executor end with their job.
     */
    public long threadsAlive() {
        return entries.values().stream().map(Entry::thread).distinct().filter(Thread::isAlive).count();
    }

    /** Waits up to {@code patience} until no tracked job is still running; whether none is. */
    public boolean awaitNoneRunning(Duration patience) throws InterruptedException {
        Objects.requireNonNull(patience, "patience");
        long deadline = System.nanoTime() + patience.toNanos();
        while (stillRunning() > 0) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    @Override
    public String toString() {
        return started() + " started: " + count(Ending.COMPLETED) + " completed, " + count(Ending.FAILED)
                + " failed, " + count(Ending.CANCELLED) + " cancelled, " + stillRunning() + " running; "
                + threadsAlive() + " thread(s) alive";
    }
}
