package course.pool;

import course.concurrent.CancelledException;
import course.concurrent.Context;
import course.concurrent.DeadlineExceededException;
import course.testing.Delays;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JobsTest {
    static final Duration SHORT = Delays.SHORT;

    @Test
    void doublingJobIDoublesI() {
        List<Job<Integer, Integer>> batch = Jobs.doubling(10);
        assertEquals(10, batch.size());
        for (int i = 0; i < 10; i++) {
            Job<Integer, Integer> job = batch.get(i);
            assertEquals(Integer.toString(i), job.descriptor().id());
            assertEquals(Jobs.DOUBLE, job.descriptor().type());
            assertEquals(2 * i, job.execute(Context.background()).value());
        }
    }

    @Test
    void aWrongArgumentTypeFailsWithTheOriginalsMessage() {
        Result<Integer> r = Jobs.doubleJob("10", "10").execute(Context.background());
        assertInstanceOf(IllegalArgumentException.class, r.error());
        assertEquals("wrong argument type: expected an integer, got String \"10\"", r.error().getMessage());
        assertTrue(Jobs.doubleJob("n", null).execute(Context.background()).error().getMessage()
                .startsWith(Jobs.WRONG_ARGUMENT_TYPE));
    }

    @Test
    void sleepingJobsReturnTheirIndexAndHonourTheContext() {
        Job<Integer, Integer> nap = Jobs.sleeping(3, Duration.ofMillis(1)).get(2);
        assertEquals(2, nap.execute(Context.background()).value());
        Context ctx = Context.background().withTimeout(SHORT);
        Result<Integer> cut = Jobs.sleeping(1, Duration.ofDays(1)).getFirst().execute(ctx);
        assertInstanceOf(DeadlineExceededException.class, cut.error());
    }

    @Test
    void spinningJobsAreDeterministicAndHonourTheContext() {
        Job<Integer, Long> spin = Jobs.spinning(2, 10_000).get(1);
        assertEquals(spin.execute(Context.background()).value(), spin.execute(Context.background()).value());
        Context cancelled = Context.background().withCancel();
        cancelled.cancel();
        assertInstanceOf(CancelledException.class, Jobs.spinning(1, 1_000_000_000L).getFirst()
                .execute(cancelled).error());
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Jobs.doubling(-1));
        assertThrows(IllegalArgumentException.class, () -> Jobs.sleeping(1, Duration.ofMillis(-1)));
        assertThrows(NullPointerException.class, () -> Jobs.sleeping(1, null));
        assertThrows(IllegalArgumentException.class, () -> Jobs.spinning(1, -1));
        assertEquals(0, Jobs.doubling(0).size());
    }
}
