package course.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's sampler thread: records the depth of every stage's output channel and the heap in
 * use, every sampling period, until every stage thread has ended or it is interrupted (the run
 * closed). It keeps a bounded number of samples: past {@link #MAX_SAMPLES} it keeps every
 * other one and samples half as often from then on.
 */
final class Sampler implements Runnable {
    /** The sampler keeps at most this many samples, thinning them out beyond it. */
    static final int MAX_SAMPLES = 20_000;

    /** One reading: when, every channel's depth (a copy, in and out), and the heap in use. */
    record Sample(long atNanos, int[] depths, long heapBytes) {
        Sample {
            depths = depths.clone();
        }

        @Override
        public int[] depths() {
            return depths.clone();
        }

        /** The depth of the channel after stage {@code stage}, without a copy. */
        int depth(int stage) {
            return depths[stage];
        }
    }

    private final Channel[] channels;       // channels[i] is the output of stage i
    private final StageCounters[] counters; // counters[i] belongs to stage i; the sampler writes peakDepth
    private final List<Thread> stageThreads;
    private final long startNanos;
    // Guarded by itself; appended by the sampler, copied by readings.
    private final List<Sample> samples = new ArrayList<>();
    // The sampling period in nanoseconds; doubled by the sampler when it thins its samples.
    private volatile long periodNanos;

    Sampler(Channel[] channels, StageCounters[] counters, List<Thread> stageThreads, long startNanos, long periodNanos) {
        this.channels = channels;
        this.counters = counters;
        this.stageThreads = stageThreads;
        this.startNanos = startNanos;
        this.periodNanos = periodNanos;
    }

    @Override
    public void run() {
        Runtime runtime = Runtime.getRuntime();
        while (true) {
            boolean stagesDone = stageThreads.stream().noneMatch(Thread::isAlive);
            sample(runtime);
            if (stagesDone || Thread.currentThread().isInterrupted()) {
                return;
            }
            try {
                Thread.sleep(Duration.ofNanos(periodNanos));
            } catch (InterruptedException e) {
                sample(runtime);
                return;
            }
        }
    }

    /** The samples so far as a run's metrics, with the counters and times the run gives. */
    Metrics metrics(Duration elapsed, Duration firstResult, List<Metrics.StageMetrics> stages) {
        List<Sample> copy;
        synchronized (samples) {
            copy = new ArrayList<>(samples);
        }
        double[] times = new double[copy.size()];
        double[][] depths = new double[channels.length][copy.size()];
        double[] heap = new double[copy.size()];
        for (int s = 0; s < copy.size(); s++) {
            Sample sample = copy.get(s);
            times[s] = sample.atNanos() / 1e6;
            heap[s] = sample.heapBytes() / (1024.0 * 1024.0);
            for (int i = 0; i < channels.length; i++) {
                depths[i][s] = sample.depth(i);
            }
        }
        return new Metrics(elapsed, firstResult, stages, times, depths, heap);
    }

    private void sample(Runtime runtime) {
        int[] depths = new int[channels.length];
        for (int i = 0; i < channels.length; i++) {
            depths[i] = channels[i].depth();
            if (depths[i] > counters[i].peakDepth) {
                counters[i].peakDepth = depths[i];
            }
        }
        Sample sample = new Sample(System.nanoTime() - startNanos, depths, runtime.totalMemory() - runtime.freeMemory());
        synchronized (samples) {
            samples.add(sample);
            if (samples.size() >= MAX_SAMPLES) {
                thin();
            }
        }
    }

    /** Keeps every other sample and samples half as often from now on; under the samples' lock. */
    private void thin() {
        List<Sample> kept = new ArrayList<>(MAX_SAMPLES / 2 + 1);
        for (int s = 0; s < samples.size(); s += 2) {
            kept.add(samples.get(s));
        }
        samples.clear();
        samples.addAll(kept);
        periodNanos *= 2;
    }
}
