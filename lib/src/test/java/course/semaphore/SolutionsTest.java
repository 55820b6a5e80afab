package course.semaphore;

import course.testing.Delays;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SolutionsTest {
    @Test
    void alwaysReleasesPassesItsCheck() {
        String verdict = Exercises.checkAlwaysReleases(Solutions::alwaysReleases);
        assertTrue(verdict.startsWith("PASS"), verdict);
    }

    @Test
    void theSemaphoreRateLimitPassesItsCheck() {
        String verdict = Exercises.checkRateLimit(Solutions.SemaphoreRateLimit::new);
        assertTrue(verdict.startsWith("PASS"), verdict);
    }

    @Test
    void theSemaphoreRateLimitRejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> new Solutions.SemaphoreRateLimit(0, Duration.ofMillis(1)));
        assertThrows(IllegalArgumentException.class, () -> new Solutions.SemaphoreRateLimit(1, Duration.ZERO));
    }

    @Test
    void closingTheRateLimitLeavesNoGiveBackThreadAlive() throws InterruptedException {
        Solutions.SemaphoreRateLimit limit = new Solutions.SemaphoreRateLimit(2, Duration.ofMinutes(5));
        limit.acquire();
        limit.acquire();
        long start = System.nanoTime();
        limit.close();
        assertTrue(System.nanoTime() - start < Delays.LONG.toNanos(), "close must not wait out the window");
    }
}
