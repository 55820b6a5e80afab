package course.pipeline;

import java.util.concurrent.atomic.LongAdder;

/** The counters of one stage, updated by its workers and read by the run's metrics. */
final class StageCounters {
    /** Items taken (for the source: items produced). */
    final LongAdder in = new LongAdder();
    /** Items sent on. */
    final LongAdder out = new LongAdder();
    /** Time spent in the step, summed over the workers. */
    final LongAdder busyNanos = new LongAdder();
    /** The deepest the stage's output queue was seen; written only by the sampler thread. */
    volatile int peakDepth;
}
