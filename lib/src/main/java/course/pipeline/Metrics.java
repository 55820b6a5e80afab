package course.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of a pipeline run's measurements, taken by {@link PipelineRun#metrics()}.
 *
 * <p>Per stage: items in and out, busy time (time spent inside the stage's step, summed over
 * its workers) and the deepest its output queue was seen. Over time: the depth of every
 * stage's output queue and the heap in use, as recorded by the run's sampler thread. Depths
 * count queue elements, that is items, or chunks when the stage batches. The sampler keeps a
 * bounded number of samples: on a long run it thins them out and samples less often.
 *
 * <pre>{@code
 * try (var run = pipeline.start()) {
 *     run.toList();
 *     Metrics m = run.metrics();
 *     System.out.println(m);                  // a table, one line per stage
 *     double[] depth = m.depths("user");      // the queue after 'user', over m.times()
 *     Duration perUser = m.stage("user").busyPerItem();   // one lookup, as measured
 * }
 * }</pre>
 */
public final class Metrics {
    /**
     * What one stage did. {@code in} counts items taken (for the source: items produced),
     * {@code out} items sent on, {@code busy} the time spent in the step summed over workers,
     * {@code capacity} the output queue's bound (-1 when unbounded), and {@code peakDepth} the
     * deepest its output queue was seen by the sampler.
     */
    public record StageMetrics(String name, int workers, long in, long out, Duration busy, int capacity, int peakDepth) {
        /** The share of the workers' time spent busy over {@code elapsed}, from 0 to 1. */
        public double utilisation(Duration elapsed) {
            double available = (double) workers * elapsed.toNanos();
            return available <= 0 ? 0 : Math.min(1.0, busy.toNanos() / available);
        }

        /**
         * The busy time per item taken: how long one item spent in the step, on average
         * (for a stage whose step sleeps 1 ms, a little over 1 ms). Zero when the stage took none.
         */
        public Duration busyPerItem() {
            return in == 0 ? Duration.ZERO : busy.dividedBy(in);
        }
    }

    private final Duration elapsed;
    private final Duration firstResult;  // null until the caller took a result
    private final List<StageMetrics> stages;
    private final double[] times;        // milliseconds since the start, one per sample
    private final double[][] depths;     // depths[stage][sample]
    private final double[] heapMegabytes; // heap in use, one per sample

    Metrics(Duration elapsed, Duration firstResult, List<StageMetrics> stages, double[] times, double[][] depths,
            double[] heapMegabytes) {
        this.elapsed = elapsed;
        this.firstResult = firstResult;
        this.stages = List.copyOf(stages);
        this.times = times;
        this.depths = depths;
        this.heapMegabytes = heapMegabytes;
    }

    /** Time from the start until the end of the stream reached the caller (or until now). */
    public Duration elapsed() {
        return elapsed;
    }

    /** Time from the start until the caller took its first result; empty if it took none. */
    public Optional<Duration> firstResult() {
        return Optional.ofNullable(firstResult);
    }

    /** One entry per stage, source first. */
    public List<StageMetrics> stages() {
        return stages;
    }

    /**
     * The metrics of the stage with this name.
     *
     * @throws IllegalArgumentException when no stage has that name
     */
    public StageMetrics stage(String name) {
        return stages.get(indexOf(name));
    }

    /** The sampling times, in milliseconds since the start. */
    public double[] times() {
        return times.clone();
    }

    /**
     * The depth of the output queue of stage {@code name} at each sampling time. The output
     * queue of the last stage is the one the caller reads.
     *
     * @throws IllegalArgumentException when no stage has that name
     */
    public double[] depths(String name) {
        return depths[indexOf(name)].clone();
    }

    /** The heap in use at each sampling time, in megabytes. */
    public double[] heapMegabytes() {
        return heapMegabytes.clone();
    }

    /** How many samples the sampler kept. */
    public int samples() {
        return times.length;
    }

    /** The largest number of elements seen waiting in all queues together at one time. */
    public int peakQueued() {
        double peak = 0;
        for (int s = 0; s < times.length; s++) {
            double sum = 0;
            for (double[] stage : depths) {
                sum += stage[s];
            }
            peak = Math.max(peak, sum);
        }
        return (int) peak;
    }

    /** The largest heap in use seen by the sampler, in megabytes. */
    public double peakHeapMegabytes() {
        return Arrays.stream(heapMegabytes).max().orElse(0);
    }

    /** A table with one line per stage. */
    @Override
    public String toString() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-12s %7s %9s %9s %10s %6s %9s", "stage", "workers", "in", "out",
                "busy ms", "busy%", "peak q"));
        for (StageMetrics s : stages) {
            lines.add(String.format(Locale.ROOT, "%-12s %7d %9d %9d %10.1f %5.0f%% %9s", s.name(), s.workers(), s.in(),
                    s.out(), s.busy().toNanos() / 1e6, 100 * s.utilisation(elapsed),
                    s.peakDepth() + (s.capacity() < 0 ? "/inf" : "/" + s.capacity())));
        }
        lines.add(String.format(Locale.ROOT, "elapsed %.1f ms, first result after %s, %d samples", elapsed.toNanos() / 1e6,
                firstResult == null ? "-" : String.format(Locale.ROOT, "%.1f ms", firstResult.toNanos() / 1e6), times.length));
        return String.join("\n", lines);
    }

    private int indexOf(String name) {
        Objects.requireNonNull(name, "name");
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no stage named '" + name + "'; the stages are "
                + stages.stream().map(StageMetrics::name).toList());
    }
}
