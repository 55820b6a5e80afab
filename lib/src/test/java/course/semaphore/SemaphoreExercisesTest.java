package course.semaphore;

import course.exercises.Check;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class SemaphoreExercisesTest {
    @Test
    void aWorkerThatReleasesOnlyOnSuccessIsNotYetRight() {
        Check verdict = SemaphoreExercises.checkAlwaysReleases((slots, job) -> () -> {
            job.run();
            slots.release();
        });
        assertTrue(verdict.message().startsWith("NOT YET") && verdict.message().contains("3 of 4 slots"), verdict.message());
    }

    @Test
    void aWorkerThatReleasesTwiceIsNotYetRight() {
        Check verdict = SemaphoreExercises.checkAlwaysReleases((slots, job) -> () -> {
            try {
                job.run();
            } finally {
                slots.release();
                slots.release();
            }
        });
        assertTrue(verdict.message().startsWith("NOT YET"), verdict.message());
    }

    @Test
    void aWorkerThatSkipsItsJobIsNotYetRight() {
        Check verdict = SemaphoreExercises.checkAlwaysReleases((slots, job) -> slots::release);
        assertTrue(verdict.message().startsWith("NOT YET") && verdict.message().contains("must run its job"), verdict.message());
    }

    @Test
    void aLimitThatNeverWaitsIsNotYetRight() {
        Check verdict = SemaphoreExercises.checkRateLimit((perWindow, window) -> new SemaphoreExercises.RateLimit() {
            @Override
            public void acquire() {
            }

            @Override
            public void close() {
            }
        });
        assertTrue(verdict.message().startsWith("NOT YET") && verdict.message().contains("allowed"), verdict.message());
    }

    @Test
    void aMissingLimitIsNotYetRight() {
        Check verdict = SemaphoreExercises.checkRateLimit((perWindow, window) -> null);
        assertTrue(verdict.message().startsWith("NOT YET"), verdict.message());
    }
}
