package course.cqrs;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LagProbeTest {
    private static long samplerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals(LagProbe.SAMPLER_THREAD)).count();
    }

    @Test
    void everyWriteBecomesVisibleAndItsDelayIsRecorded() throws Exception {
        Dataset data = Dataset.generate(1, 50);
        try (CqrsSystem app = new CqrsSystem(2)) {
            double[] lags = LagProbe.readYourWrites(app, data, 10, 3);
            assertEquals(10, lags.length);
            for (double lag : lags) {
                assertTrue(lag >= 0);
            }
        }
    }

    @Test
    void aTraceEndsCaughtUpAfterABurst() throws Exception {
        Dataset data = Dataset.generate(2, 300);
        try (CqrsSystem app = new CqrsSystem(3)) {
            LagProbe.Trace trace = LagProbe.during(app.projector(), () -> app.createAll(data.creates()));
            assertTrue(trace.caughtUp(), trace.toString());
            assertEquals(0, trace.eventsBehind()[trace.eventsBehind().length - 1]);
            assertTrue(trace.millis().length >= 1);
            assertTrue(trace.workMillis() <= trace.lastMillis(), trace.toString());
            assertTrue(trace.drainMillis() >= 0, trace.toString());
        }
        assertEquals(0, samplerThreads());
    }

    @Test
    void aFailedPartitionEndsTheTraceWithoutCatchingUp() throws Exception {
        EventLog log = new EventLog("articles", 2);
        try (WriteService writes = new WriteService(log); ReadStore reads = new ReadStore();
             Projector projector = new Projector(log, reads, e -> {
                 throw new IllegalStateException("always broken");
             }).start()) {
            LagProbe.Trace trace = LagProbe.during(projector,
                    () -> writes.createAll(Dataset.generate(3, 20).creates()));
            assertFalse(trace.caughtUp());
            assertTrue(trace.peakEventsBehind() > 0);
            assertTrue(Double.isNaN(trace.drainMillis()), "no drain time when the read side never caught up");
        }
        assertEquals(0, samplerThreads());
    }

    @Test
    void aTraceCopiesItsSamplesInAndOut() {
        double[] millis = {0, 1, 2};
        double[] behind = {3, 1, 0};
        double[] age = {0.5, 0.2, 0};
        LagProbe.Trace trace = new LagProbe.Trace(millis, behind, age, 1.5, 2);
        millis[0] = 99;
        trace.eventsBehind()[0] = 99;
        assertEquals(0, trace.millis()[0], "the trace kept the caller's array");
        assertEquals(3, trace.eventsBehind()[0], "the trace handed out its own array");
        assertEquals(3, trace.peakEventsBehind());
        assertEquals(new LagProbe.Trace(new double[]{0, 1, 2}, new double[]{3, 1, 0}, new double[]{0.5, 0.2, 0}, 1.5, 2),
                trace);
        assertThrows(IllegalArgumentException.class,
                () -> new LagProbe.Trace(new double[1], new double[2], new double[1], 0, 0));
    }

    @Test
    void badArgumentsAreRejected() {
        try (CqrsSystem app = new CqrsSystem(1)) {
            assertThrows(IllegalArgumentException.class, () -> LagProbe.readYourWrites(app, Dataset.generate(1, 5), 0, 1));
            assertThrows(NullPointerException.class, () -> LagProbe.during(app.projector(), null));
        }
    }
}
