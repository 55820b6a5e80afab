package course.semaphore;

import course.exercises.Check;
import course.testing.Delays;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SemaphoreSolutionsTest {
    @Test
    void alwaysReleasesPassesItsCheck() {
        Check verdict = SemaphoreExercises.checkAlwaysReleases(SemaphoreSolutions::alwaysReleases);
        assertTrue(verdict.message().startsWith("PASS"), verdict.message());
    }

    @Test
    void theSemaphoreRateLimitPassesItsCheck() {
        Check verdict = SemaphoreExercises.checkRateLimit(SemaphoreSolutions.SemaphoreRateLimit::new);
        assertTrue(verdict.message().startsWith("PASS"), verdict.message());
    }

    @Test
    void theSemaphoreRateLimitRejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> new SemaphoreSolutions.SemaphoreRateLimit(0, Duration.ofMillis(1)));
        assertThrows(IllegalArgumentException.class, () -> new SemaphoreSolutions.SemaphoreRateLimit(1, Duration.ZERO));
    }

    @Test
    void closingTheRateLimitLeavesNoGiveBackThreadAlive() throws InterruptedException {
        SemaphoreSolutions.SemaphoreRateLimit limit = new SemaphoreSolutions.SemaphoreRateLimit(2, Duration.ofMinutes(5));
        limit.acquire();
        limit.acquire();
        long start = System.nanoTime();
        limit.close();
        assertTrue(System.nanoTime() - start < Delays.LONG.toNanos(), "close must not wait out the window");
    }
}
