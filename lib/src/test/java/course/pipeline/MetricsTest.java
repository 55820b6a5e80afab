package course.pipeline;

import course.testing.Delays;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsTest {
    /** The one delay unit of this class. */
    static final Duration SHORT = Delays.SHORT.dividedBy(20);

    private static Metrics measuredRun() {
        try (PipelineRun<Integer> run = Pipeline.range(1, 60)
                .map("slow", n -> {
                    Thread.sleep(SHORT);
                    return n;
                }).workers(2)
                .filter("even", n -> n % 2 == 0)
                .flatMap("twice", n -> List.of(n, n))
                .sampleEvery(Duration.ofMillis(2))
                .start()) {
            assertEquals(60, run.toList().size());
            return run.metrics();
        }
    }

    @Test
    void itemsInAndOutAreCountedPerStage() {
        Metrics m = measuredRun();
        assertEquals(List.of("source", "slow", "even", "twice"), m.stages().stream().map(Metrics.StageMetrics::name).toList());
        assertEquals(60, m.stage("source").in());
        assertEquals(60, m.stage("source").out());
        assertEquals(60, m.stage("slow").in());
        assertEquals(60, m.stage("slow").out());
        assertEquals(30, m.stage("even").out());
        assertEquals(30, m.stage("twice").in());
        assertEquals(60, m.stage("twice").out());
        assertEquals(2, m.stage("slow").workers());
    }

    @Test
    void busyTimeCoversTheTimeSpentInSteps() {
        Metrics m = measuredRun();
        // Each of the 60 items slept at least SHORT inside 'slow'.
        assertTrue(m.stage("slow").busy().compareTo(SHORT.multipliedBy(60)) >= 0, m.toString());
        double u = m.stage("slow").utilisation(m.elapsed());
        assertTrue(u > 0 && u <= 1, "utilisation " + u);
        assertTrue(m.elapsed().compareTo(Duration.ZERO) > 0);
    }

    @Test
    void busyTimePerItemIsTheBusyTimeOverTheItemsTaken() {
        Metrics m = measuredRun();
        Metrics.StageMetrics slow = m.stage("slow");
        assertEquals(slow.busy().dividedBy(slow.in()), slow.busyPerItem());
        assertTrue(slow.busyPerItem().compareTo(SHORT) >= 0, "each item slept at least " + SHORT);
        assertEquals(Duration.ZERO, new Metrics.StageMetrics("idle", 1, 0, 0, Duration.ZERO, 16, 0).busyPerItem());
    }

    @Test
    void everySampleHasATimeAQueueDepthPerStageAndAHeapReading() {
        Metrics m = measuredRun();
        assertTrue(m.samples() >= 1);
        double[] times = m.times();
        assertEquals(m.samples(), times.length);
        for (String stage : List.of("source", "slow", "even", "twice")) {
            assertEquals(times.length, m.depths(stage).length);
            for (double d : m.depths(stage)) {
                assertTrue(d >= 0 && d <= Pipeline.DEFAULT_CAPACITY, stage + " depth " + d);
            }
        }
        for (int i = 1; i < times.length; i++) {
            assertTrue(times[i] >= times[i - 1], "times run forwards");
        }
        assertTrue(m.peakHeapMegabytes() > 0);
        assertTrue(m.peakQueued() >= 0);
    }

    @Test
    void theFirstResultTimeIsRecordedOnceTheCallerTakesOne() {
        try (PipelineRun<Integer> run = Pipeline.range(1, 5).map("a", n -> n).start()) {
            assertTrue(run.metrics().firstResult().isEmpty());
            run.iterator().next();
            Duration first = run.metrics().firstResult().orElseThrow();
            run.toList();
            assertEquals(first, run.metrics().firstResult().orElseThrow());
            assertTrue(first.compareTo(run.metrics().elapsed()) <= 0);
        }
    }

    @Test
    void theTableNamesEveryStage() {
        String table = measuredRun().toString();
        for (String stage : List.of("source", "slow", "even", "twice")) {
            assertTrue(table.contains(stage), table);
        }
        assertTrue(table.contains("elapsed"), table);
    }

    @Test
    void anUnknownStageIsRejectedWithTheKnownNames() {
        Metrics m = measuredRun();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.stage("nope"));
        assertEquals("no stage named 'nope'; the stages are [source, slow, even, twice]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.depths("nope"));
    }

    @Test
    void theArraysReturnedAreCopies() {
        Metrics m = measuredRun();
        m.times()[0] = -1;
        m.depths("source")[0] = -1;
        assertTrue(m.times()[0] >= 0);
        assertTrue(m.depths("source")[0] >= 0);
    }
}
