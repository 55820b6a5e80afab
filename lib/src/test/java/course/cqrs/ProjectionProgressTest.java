package course.cqrs;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static course.cqrs.TestData.PATIENCE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProjectionProgressTest {
    private static LogEntry entry(int partition, long offset) {
        Article a = new Article(7, "ana", "https://go.dev/blog", List.of("go"), List.of(), 1, 1, 1);
        return new LogEntry("articles", partition, offset, System.nanoTime(), Event.created(a));
    }

    @Test
    void aWaiterIsWokenByTheStepItWaitsFor() throws Exception {
        ProjectionProgress progress = new ProjectionProgress(2);
        long seen = progress.steps();
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicLong woke = new AtomicLong(-1);
        Thread waiter = Thread.ofPlatform().start(() -> {
            waiting.countDown();
            try {
                woke.set(progress.awaitStep(seen, PATIENCE));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiting.await();
        progress.advance(1, 5, 5);
        waiter.join(PATIENCE.toMillis());
        assertFalse(waiter.isAlive(), "the waiter slept through the step");
        assertEquals(seen + 1, woke.get());
        assertArrayEquals(new long[]{0, 5}, progress.offsets());
        assertEquals(5, progress.applied());
    }

    @Test
    void aStepTakenBeforeTheWaitIsNotMissed() throws Exception {
        ProjectionProgress progress = new ProjectionProgress(1);
        long seen = progress.steps();
        progress.step();
        assertEquals(seen + 1, progress.awaitStep(seen, Duration.ZERO));
    }

    @Test
    void noStepInTimeReturnsTheStepsSeen() throws Exception {
        ProjectionProgress progress = new ProjectionProgress(1);
        assertEquals(progress.steps(), progress.awaitStep(progress.steps(), Duration.ofMillis(5)));
    }

    @Test
    void theTargetIsReachedOnlyWhenEveryPartitionIsThereAndSettled() throws Exception {
        ProjectionProgress progress = new ProjectionProgress(2);
        AtomicBoolean settled = new AtomicBoolean(false);
        progress.advance(0, 3, 3);
        progress.advance(1, 1, 1);
        assertFalse(progress.awaitReached(new long[]{3, 2}, settled::get, Duration.ZERO));
        progress.advance(1, 2, 1);
        assertFalse(progress.awaitReached(new long[]{3, 2}, settled::get, Duration.ZERO), "not settled yet");
        settled.set(true);
        assertTrue(progress.awaitReached(new long[]{3, 2}, settled::get, Duration.ZERO));
    }

    @Test
    void aFailedPartitionThatIsBehindEndsTheWaitAtOnce() throws Exception {
        ProjectionProgress progress = new ProjectionProgress(2);
        progress.fail(1, new ProjectionException(entry(1, 0), new IllegalStateException("broken")));
        assertFalse(progress.awaitReached(new long[]{0, 1}, () -> true, PATIENCE));
        assertEquals(1, progress.failures().size());
        progress.clear(1, false);
        assertTrue(progress.failures().isEmpty());
    }
}
