package course.measure;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);   // a clock the test moves by hand

    private Progress progress(int total) {
        return new Progress("sweep", total, "runs", Duration.ofMillis(250), nanos::get);
    }

    private void advanceMillis(long millis) {
        nanos.addAndGet(millis * 1_000_000L);
    }

    @Test
    void theLineNamesTheTaskTheCountAndTheSecondsSoFar() {
        var p = progress(40);
        advanceMillis(8_200);
        p.step(12);
        assertEquals("sweep: 12 of 40 runs, 8.2 s", p.line());
        assertEquals(p.line(), p.toString());
    }

    @Test
    void updatesComeAtMostOncePerInterval() {
        var p = progress(100);
        List<String> shown = new ArrayList<>();
        p.whenDue(shown::add);
        assertFalse(p.step(), "no time has passed");
        advanceMillis(100);
        assertFalse(p.step());
        advanceMillis(150);
        assertTrue(p.step(), "250 ms since the start");
        advanceMillis(249);
        assertFalse(p.step());
        advanceMillis(1);
        assertTrue(p.step());
        assertEquals(List.of("sweep: 3 of 100 runs, 0.3 s", "sweep: 5 of 100 runs, 0.5 s"), shown);
    }

    @Test
    void theLastStepIsAlwaysShownOnce() {
        var p = progress(3);
        List<String> shown = new ArrayList<>();
        p.whenDue(shown::add);
        p.step();
        p.step();
        assertTrue(p.step(), "the last step is due however soon it comes");
        assertFalse(p.step(0), "finished already, and no time has passed");
        assertEquals(List.of("sweep: 3 of 3 runs, 0.0 s"), shown);
        assertEquals(3, p.done());
        assertEquals(3, p.total());
    }

    @Test
    void stepsFromManyThreadsAreAllCounted() throws InterruptedException {
        var p = Progress.of("parallel", 4_000, "steps", Duration.ZERO);
        List<String> shown = new ArrayList<>();
        p.whenDue(shown::add);   // called under the progress's lock, so a plain list is safe
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 1_000; i++) {
                    p.step();
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(4_000, p.done());
        assertTrue(shown.getLast().startsWith("parallel: 4,000 of 4,000 steps"), shown.getLast());
    }

    @Test
    void advancingToACountTakesTheStepsBetween() {
        var p = progress(10);
        p.advanceTo(4);
        p.advanceTo(2);   // counts never go back
        assertEquals(4, p.done());
        assertTrue(p.advanceTo(10), "the last step is due");
    }

    @Test
    void showCallsTheListenerWhetherDueOrNot() {
        var p = progress(10);
        List<String> shown = new ArrayList<>();
        p.whenDue(shown::add);
        p.show();
        assertEquals(List.of("sweep: 0 of 10 runs, 0.0 s"), shown);
    }

    @Test
    void aWatchFollowsTheCountAndShowsTheFinalOneWhenClosed() throws InterruptedException {
        var p = Progress.of("load", 10, "events", Duration.ZERO);
        List<String> shown = new java.util.concurrent.CopyOnWriteArrayList<>();
        p.whenDue(shown::add);
        var count = new AtomicLong(5);
        try (var watch = p.watch(count::get)) {
            for (int i = 0; i < 1_000 && p.done() < 5; i++) {   // the watch polls every 10 ms
                Thread.sleep(10);
            }
            assertEquals(5, p.done());
            count.set(7);
        }
        assertEquals(7, p.done());
        assertTrue(shown.getLast().startsWith("load: 7 of 10 events"), shown.getLast());
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Progress.of("sweep", 0, "runs"));
        assertThrows(IllegalArgumentException.class, () -> Progress.of("sweep", 5, "runs", Duration.ofMillis(-1)));
        assertThrows(NullPointerException.class, () -> Progress.of(null, 5, "runs"));
        assertThrows(IllegalArgumentException.class, () -> progress(5).step(-1));
        assertThrows(NullPointerException.class, () -> progress(5).whenDue(null));
        assertThrows(NullPointerException.class, () -> progress(5).watch(null));
    }
}
