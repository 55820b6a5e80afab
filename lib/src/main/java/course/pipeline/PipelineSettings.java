package course.pipeline;

import course.concurrent.WaitPolicy;

import java.time.Duration;

/**
 * Settings of a whole pipeline. Immutable. {@code capacity} and {@code batch} are positive and
 * apply to every stage that sets none of its own; {@code sampleEvery} is positive.
 */
record PipelineSettings(boolean virtual, int capacity, int batch, Duration sampleEvery, WaitPolicy waitPolicy) {
    /** The settings of a pipeline that sets none. */
    static final PipelineSettings DEFAULTS = new PipelineSettings(false, Pipeline.DEFAULT_CAPACITY, 1,
            Pipeline.DEFAULT_SAMPLE_INTERVAL, WaitPolicy.DEFAULT);

    PipelineSettings withVirtual(boolean v) {
        return new PipelineSettings(v, capacity, batch, sampleEvery, waitPolicy);
    }

    PipelineSettings withCapacity(int n) {
        return new PipelineSettings(virtual, n, batch, sampleEvery, waitPolicy);
    }

    PipelineSettings withBatch(int n) {
        return new PipelineSettings(virtual, capacity, n, sampleEvery, waitPolicy);
    }

    PipelineSettings withSampleEvery(Duration d) {
        return new PipelineSettings(virtual, capacity, batch, d, waitPolicy);
    }

    PipelineSettings withWaitPolicy(WaitPolicy p) {
        return new PipelineSettings(virtual, capacity, batch, sampleEvery, p);
    }
}
