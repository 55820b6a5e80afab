package course.structured;

import course.concurrent.Context;
import course.pool.Job;
import course.pool.Jobs;
import course.testing.Delays;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnstructuredTest {
    @Test
    void returnsEveryValueWhenNoJobFails() throws Exception {
        assertEquals(List.of(0, 2, 4), Unstructured.allOrFirstError(Jobs.doubling(3), Context.background()).stream().sorted().toList());
    }

    @Test
    void theFirstErrorLeavesTheOtherThreadsRunning() throws InterruptedException {
        var release = new CountDownLatch(1);
        var tracker = new JobTracker();
        Job<Integer, Integer> held = Job.of("held", Jobs.SLEEP, 0, (Context ctx, Integer n) -> {
            release.await();                              // runs until the test lets it go
            return n;
        });
        Job<Integer, Integer> bad = Job.of("bad", Jobs.DOUBLE, 0, (Context ctx, Integer n) -> {
            throw new IllegalArgumentException("boom");
        });
        var e = assertThrows(ExecutionException.class,
                () -> Unstructured.allOrFirstError(tracker.trackAll(List.of(held, bad)), Context.background()));
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertEquals(1, tracker.stillRunning(), "the held job's thread should outlive the call: the leak");
        release.countDown();
        assertTrue(tracker.awaitNoneRunning(Delays.LONG), "the leaked thread did not end once released");
    }

    @Test
    void argumentsAreCheckedAtOnce() {
        assertThrows(NullPointerException.class, () -> Unstructured.allOrFirstError(null, Context.background()));
        assertThrows(NullPointerException.class, () -> Unstructured.allOrFirstError(List.<Job<Integer, Integer>>of(), null));
    }
}
