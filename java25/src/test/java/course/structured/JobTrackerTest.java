package course.structured;

import course.concurrent.Context;
import course.pool.Job;
import course.pool.Jobs;
import course.testing.Delays;
import course.testing.TestThreads;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JobTrackerTest {
    @Test
    void recordsCompletedFailedAndCancelledJobs() throws InterruptedException {
        var tracker = new JobTracker();
        tracker.track(Jobs.doubleJob("ok", 1)).execute(Context.background());
        tracker.track(Jobs.doubleJob("bad", "1")).execute(Context.background());
        var threads = new TestThreads("tracked");
        Thread sleeper = threads.start(() -> tracker.track(Job.of("nap", Jobs.SLEEP, 0, (Context ctx, Integer n) -> {
            Thread.sleep(Delays.LONG);
            return n;
        })).execute(Context.background()));
        TestThreads.await("the nap has started", () -> tracker.started() == 3);
        assertEquals(1, tracker.count(JobTracker.Ending.RUNNING));
        sleeper.interrupt();
        threads.joinAll();
        assertEquals(1, tracker.count(JobTracker.Ending.COMPLETED));
        assertEquals(1, tracker.count(JobTracker.Ending.FAILED));
        assertEquals(1, tracker.count(JobTracker.Ending.CANCELLED));
        assertEquals(0, tracker.stillRunning());
        assertEquals(1, tracker.threadsAlive(), "only the test's own thread, which ran two of the jobs");
    }

    @Test
    void aJobNeverStartedHasNoEntry() {
        var tracker = new JobTracker();
        tracker.track(Jobs.doubleJob("never", 1));
        assertEquals(0, tracker.started());
        assertTrue(tracker.entries().isEmpty());
    }

    @Test
    void awaitNoneRunningSaysWhetherEveryJobEnded() throws InterruptedException {
        var tracker = new JobTracker();
        var threads = new TestThreads("tracked");
        threads.start(() -> tracker.track(Job.of("nap", Jobs.SLEEP, 0, (Context ctx, Integer n) -> {
            Thread.sleep(Delays.shorts(5));
            return n;
        })).execute(Context.background()));
        TestThreads.await("the nap has started", () -> tracker.started() == 1);
        assertFalse(tracker.awaitNoneRunning(Duration.ofNanos(1)), "the nap was still running");
        assertTrue(tracker.awaitNoneRunning(Delays.LONG));
        threads.joinAll();
    }

    @Test
    void argumentsAreCheckedAtOnce() {
        var tracker = new JobTracker();
        assertThrows(NullPointerException.class, () -> tracker.track(null));
        assertThrows(NullPointerException.class, () -> tracker.trackAll(null));
        assertThrows(NullPointerException.class, () -> tracker.count(null));
    }
}
