package course.semaphore;

import course.testing.Delays;
import course.testing.TestThreads;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The naive executor's faults are its documented behaviour; these tests pin them down. */
class NaiveBoundedExecutorTest {
    /** The one delay of this class: the pool's after-task pause, which makes its race certain. */
    static final Duration SHORT = Delays.SHORT;

    @Test
    void rejectsBadSettings() {
        try (ObservedCachedPool pool = new ObservedCachedPool("nx-args")) {
            assertThrows(IllegalArgumentException.class, () -> new NaiveBoundedExecutor(pool, 0));
            assertThrows(NullPointerException.class, () -> new NaiveBoundedExecutor(null, 1));
        }
    }

    @Test
    void keepsTaskBodiesWithinItsBound() throws InterruptedException {
        InFlightProbe bodies = new InFlightProbe("bodies");
        try (ObservedCachedPool pool = new ObservedCachedPool("nx-bodies", SHORT)) {
            NaiveBoundedExecutor naive = new NaiveBoundedExecutor(pool, 2);
            for (int i = 0; i < 20; i++) {
                naive.submitTask(() -> bodies.run(Thread::yield));
            }
        }
        assertEquals(20, bodies.entries());
        assertTrue(bodies.peak() <= 2, "bodies in flight: " + bodies.peak());
    }

    @Test
    void overshootsItsBoundInThreadsOnACachedPoolWhoseThreadsAreSlowToComeBack() throws InterruptedException {
        int created;
        try (ObservedCachedPool pool = new ObservedCachedPool("nx-overshoot", SHORT)) {
            NaiveBoundedExecutor naive = new NaiveBoundedExecutor(pool, 2);
            for (int i = 0; i < 20; i++) {
                naive.submitTask(Thread::yield);
            }
            created = pool.threadsCreated();
        }
        assertTrue(created > 2, "a cached pool behind a bound of 2 made " + created + " threads");
    }

    @Test
    void swallowsTheRejectionOfAShutDownExecutor() throws InterruptedException {
        AtomicInteger ran = new AtomicInteger();
        try (ObservedCachedPool pool = new ObservedCachedPool("nx-reject")) {
            NaiveBoundedExecutor naive = new NaiveBoundedExecutor(pool, 2);
            pool.shutdown();
            naive.submitTask(ran::incrementAndGet);     // returns normally: the fault
            assertEquals(2, naive.available(), "the permit went back");
        }
        assertEquals(0, ran.get(), "the task never ran, and the caller was not told");
    }

    @Test
    void losesATaskExceptionToThePoolThread() throws InterruptedException {
        try (ObservedCachedPool pool = new ObservedCachedPool("nx-lost")) {
            NaiveBoundedExecutor naive = new NaiveBoundedExecutor(pool, 2);
            naive.submitTask(() -> {                     // returns normally: nothing to get() from
                throw new IllegalArgumentException("wrong argument type");
            });
            TestThreads.await("the exception reached the pool thread", () -> pool.uncaught() == 1);
            assertEquals("wrong argument type", pool.lastUncaught().getMessage());
        }
    }
}
