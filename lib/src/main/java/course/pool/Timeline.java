package course.pool;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

/**
 * A record of which worker ran which job, and when: the data behind a Gantt chart.
 *
 * <p>A {@link WorkerPool} fills its own timeline as its workers run jobs (see
 * {@link WorkerPool#timeline()}); other code may {@link #record} spans too. Times are kept in
 * nanoseconds since the timeline's origin, which is the moment it was made. Recording is
 * thread-safe and cheap (one lock-free append); reading returns a sorted snapshot.
 * {@link TimelineChart} draws it.
 *
 * <pre>{@code
 * Timeline t = pool.timeline();
 * t.makespan();                 // first start to last end, e.g. PT0.61S
 * t.spans().getFirst();         // e.g. Span[worker=0, job=0:sleep, 0.4 ms .. 100.6 ms, ok]
 * TimelineChart.draw("12 jobs on 2 workers", t);
 * }</pre>
 */
public final class Timeline {
    /** How many worker rows the chart shows, fixed at creation. */
    private final int workers;
    /** {@link System#nanoTime()} at creation; every span is relative to it. */
    private final long origin;
    /**
     * The spans recorded so far, one queue per worker (element i is worker i's), each in arrival
     * order. Lock-free, and each worker appends only to its own queue, so two workers never
     * contend for one tail, which would cost short jobs a visible share of their time (chapter 6
     * measures hand-off costs). Spans are immutable.
     */
    private final List<ConcurrentLinkedQueue<Span>> spans;

    /**
     * An empty timeline for {@code workers} workers, whose origin is now.
     *
     * @throws IllegalArgumentException when {@code workers} is not positive
     */
    public Timeline(int workers) {
        if (workers <= 0) {
            throw new IllegalArgumentException("a timeline needs at least one worker, got " + workers);
        }
        this.workers = workers;
        this.origin = System.nanoTime();
        this.spans = IntStream.range(0, workers).mapToObj(i -> new ConcurrentLinkedQueue<Span>()).toList();
    }

    /**
     * One job run by one worker.
     *
     * @param worker     the worker's index, from 0
     * @param job        the job's descriptor
     * @param startNanos when it started, in nanoseconds since the timeline's origin
     * @param endNanos   when it ended, likewise; not before the start
     * @param ok         whether it succeeded
     */
    public record Span(int worker, JobDescriptor job, long startNanos, long endNanos, boolean ok) {
        public Span {
            Objects.requireNonNull(job, "job");
            if (worker < 0) {
                throw new IllegalArgumentException("worker index must not be negative, got " + worker);
            }
            if (endNanos < startNanos) {
                throw new IllegalArgumentException("span of job '" + job.id() + "' ends (" + endNanos
                        + " ns) before it starts (" + startNanos + " ns)");
            }
        }

        /** How long the job ran. */
        public Duration duration() {
            return Duration.ofNanos(endNanos - startNanos);
        }

        /** The start, in milliseconds since the origin. */
        public double startMillis() {
            return startNanos / 1e6;
        }

        /** The end, in milliseconds since the origin. */
        public double endMillis() {
            return endNanos / 1e6;
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "Span[worker=%d, job=%s, %.1f ms .. %.1f ms, %s]",
                    worker, job, startMillis(), endMillis(), ok ? "ok" : "failed");
        }
    }

    /** The number of workers, fixed at creation. */
    public int workers() {
        return workers;
    }

    /** {@link System#nanoTime()} at the timeline's creation. */
    public long origin() {
        return origin;
    }

    /**
     * Records that worker {@code worker} ran {@code job} between the {@link System#nanoTime()}
     * readings {@code startNanoTime} and {@code endNanoTime}.
     *
     * @throws IllegalArgumentException when the worker index is out of range or the end precedes the start
     */
    public void record(int worker, JobDescriptor job, long startNanoTime, long endNanoTime, boolean ok) {
        if (worker >= workers) {
            throw new IllegalArgumentException("worker index " + worker + " is out of range for a timeline of "
                    + workers + " workers");
        }
        Span span = new Span(worker, job, startNanoTime - origin, endNanoTime - origin, ok);
        spans.get(worker).add(span);
    }

    /** A snapshot of every span, sorted by start time. */
    public List<Span> spans() {
        return spans.stream().flatMap(ConcurrentLinkedQueue::stream)
                .sorted(Comparator.comparingLong(Span::startNanos)).toList();
    }

    /** From the first start to the last end; zero when nothing was recorded. */
    public Duration makespan() {
        List<Span> all = spans();
        if (all.isEmpty()) {
            return Duration.ZERO;
        }
        long end = all.stream().mapToLong(Span::endNanos).max().orElseThrow();
        return Duration.ofNanos(end - all.getFirst().startNanos());
    }

    /** How many jobs each worker ran, indexed by worker. */
    public int[] jobsPerWorker() {
        int[] counts = new int[workers];
        for (int i = 0; i < workers; i++) {
            counts[i] = spans.get(i).size();
        }
        return counts;
    }

    @Override
    public String toString() {
        return "Timeline[" + workers + " workers, " + spans.stream().mapToInt(ConcurrentLinkedQueue::size).sum() + " spans, makespan " + makespan() + "]";
    }
}
