package course.pipeline;

import course.concurrent.WaitPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SamplerTest {
    @Test
    void aSampleCopiesItsDepthsInAndOut() {
        int[] depths = {1, 2};
        Sampler.Sample sample = new Sampler.Sample(0, depths, 0);
        depths[0] = 99;
        sample.depths()[1] = 99;
        assertArrayEquals(new int[]{1, 2}, sample.depths());
        assertEquals(2, sample.depth(1));
    }

    @Test
    void aSamplerWithNoLiveStagesTakesOneSampleAndRecordsThePeakDepth() throws Exception {
        Channel channel = new Channel(4, WaitPolicy.DEFAULT);
        channel.send("a");
        channel.send("b");
        StageCounters counters = new StageCounters();
        Sampler sampler = new Sampler(new Channel[]{channel}, new StageCounters[]{counters}, List.of(),
                System.nanoTime(), 1_000_000);
        sampler.run();   // no stage thread is alive: one sample, then it returns
        Metrics m = sampler.metrics(Duration.ZERO, null, List.of(
                new Metrics.StageMetrics("source", 1, 2, 2, Duration.ZERO, 4, counters.peakDepth)));
        assertEquals(1, m.samples());
        assertEquals(2, counters.peakDepth);
        assertArrayEquals(new double[]{2}, m.depths("source"));
    }
}
