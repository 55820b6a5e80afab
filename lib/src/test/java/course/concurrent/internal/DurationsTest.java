package course.concurrent.internal;

import course.testing.TestThreads;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DurationsTest {
    @Test
    void nanosSaturatesBeyond292YearsAsTheJdkDoes() {
        assertEquals(5_000_000, Durations.nanos(Duration.ofMillis(5)));
        assertEquals(-7, Durations.nanos(Duration.ofNanos(-7)));
        assertEquals(Long.MAX_VALUE, Durations.nanos(Duration.ofDays(365L * 300)));
        assertEquals(Long.MAX_VALUE, Durations.nanos(Duration.ofSeconds(Long.MAX_VALUE, 999_999_999)));
        assertEquals(Long.MIN_VALUE, Durations.nanos(Duration.ofSeconds(Long.MIN_VALUE)));
        NullPointerException e = assertThrows(NullPointerException.class, () -> Durations.nanos(null));
        assertEquals("duration", e.getMessage());
    }

    @Test
    void aDeadlineAfterAHugeTimeoutStaysAheadAndOneAfterANegativeTimeoutIsNow() throws InterruptedException {
        long far = Durations.deadlineAfter(Duration.ofSeconds(Long.MAX_VALUE));
        assertTrue(far - System.nanoTime() > Duration.ofDays(365L * 200).toNanos(), "the far deadline wrapped round");
        long past = Durations.deadlineAfter(Duration.ofSeconds(Long.MIN_VALUE));
        assertTrue(past - System.nanoTime() <= 0, "a negative timeout must give a deadline that has passed");
        TestThreads threads = new TestThreads("threads-test-far");
        assertTrue(Join.all(List.of(threads.start(() -> { })), far));
        threads.joinAll();
        NullPointerException e = assertThrows(NullPointerException.class, () -> Durations.deadlineAfter(null));
        assertEquals("timeout", e.getMessage());
    }

    @Test
    void aDeadlineInAnyUnitSaturatesAndCountsANegativeAmountAsZero() {
        long far = Durations.deadlineAfter(Long.MAX_VALUE, TimeUnit.DAYS);
        assertTrue(far - System.nanoTime() > Duration.ofDays(365L * 200).toNanos(), "the far deadline wrapped round");
        long past = Durations.deadlineAfter(Long.MIN_VALUE, TimeUnit.NANOSECONDS);
        assertTrue(past - System.nanoTime() <= 0, "a negative timeout must give a deadline that has passed");
        NullPointerException e = assertThrows(NullPointerException.class, () -> Durations.deadlineAfter(1, null));
        assertEquals("unit", e.getMessage());
    }
}
