package course.semaphore;

import course.testing.TestThreads;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InFlightProbeTest {
    @Test
    void rejectsABlankName() {
        assertThrows(IllegalArgumentException.class, () -> new InFlightProbe(" "));
    }

    @Test
    void itsStartIsTheNanoTimeItWasMadeAt() {
        long before = System.nanoTime();
        InFlightProbe probe = new InFlightProbe("p");
        long after = System.nanoTime();
        assertTrue(probe.startNanos() - before >= 0 && after - probe.startNanos() >= 0);
        probe.enter();
        assertTrue(probe.samples().getLast().millis() * 1e6 <= System.nanoTime() - probe.startNanos(),
                "samples are counted from the start");
    }

    @Test
    void countsJobsInFlightAndTheirPeak() throws Exception {
        InFlightProbe probe = new InFlightProbe("p");
        probe.enter();
        probe.enter();
        probe.exit();
        assertEquals(1, probe.current());
        assertEquals(2, probe.peak());
        assertEquals(2, probe.entries());
        assertEquals(7, probe.call(() -> {
            assertEquals(2, probe.current());
            return 7;
        }));
        probe.run(() -> assertEquals(2, probe.current()));
        assertEquals(1, probe.current());
        assertEquals(4, probe.entries());
    }

    @Test
    void anExitWithoutAnEnterFailsClearly() {
        InFlightProbe probe = new InFlightProbe("p");
        IllegalStateException e = assertThrows(IllegalStateException.class, probe::exit);
        assertTrue(e.getMessage().contains("exit without enter"), e.getMessage());
    }

    @Test
    void aThrowingBodyStillCountsItsExit() {
        InFlightProbe probe = new InFlightProbe("p");
        assertThrows(IllegalStateException.class, () -> probe.run(() -> {
            throw new IllegalStateException("boom");
        }));
        assertEquals(0, probe.current());
    }

    @Test
    void samplesFormAStepCurveFromZeroInTimeOrder() {
        InFlightProbe probe = new InFlightProbe("p");
        probe.enter();
        probe.enter();
        probe.exit();
        probe.exit();
        List<InFlightProbe.Sample> samples = probe.samples();
        assertEquals(List.of(0, 1, 2, 1, 0), samples.stream().map(InFlightProbe.Sample::inFlight).toList());
        assertEquals(0.0, samples.getFirst().millis());
        for (int i = 1; i < samples.size(); i++) {
            assertTrue(samples.get(i).millis() >= samples.get(i - 1).millis());
        }
    }

    @Test
    void concurrentEntersAndExitsBalance() throws InterruptedException {
        InFlightProbe probe = new InFlightProbe("p");
        TestThreads threads = new TestThreads("probe");
        for (int t = 0; t < 8; t++) {
            threads.start(() -> {
                for (int i = 0; i < 1_000; i++) {
                    probe.run(Thread::onSpinWait);
                }
            });
        }
        threads.joinAll();
        assertEquals(0, probe.current());
        assertEquals(8_000, probe.entries());
        assertTrue(probe.peak() >= 1 && probe.peak() <= 8);
        assertEquals(16_001, probe.samples().size());
    }
}
