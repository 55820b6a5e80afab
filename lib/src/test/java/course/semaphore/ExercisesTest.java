package course.semaphore;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ExercisesTest {
    @Test
    void aWorkerThatReleasesOnlyOnSuccessIsNotYetRight() {
        String verdict = Exercises.checkAlwaysReleases((slots, job) -> () -> {
            job.run();
            slots.release();
        });
        assertTrue(verdict.startsWith("NOT YET") && verdict.contains("3 of 4 slots"), verdict);
    }

    @Test
    void aWorkerThatReleasesTwiceIsNotYetRight() {
        String verdict = Exercises.checkAlwaysReleases((slots, job) -> () -> {
            try {
                job.run();
            } finally {
                slots.release();
                slots.release();
            }
        });
        assertTrue(verdict.startsWith("NOT YET"), verdict);
    }

    @Test
    void aWorkerThatSkipsItsJobIsNotYetRight() {
        String verdict = Exercises.checkAlwaysReleases((slots, job) -> slots::release);
        assertTrue(verdict.startsWith("NOT YET") && verdict.contains("must run its job"), verdict);
    }

    @Test
    void aLimitThatNeverWaitsIsNotYetRight() {
        String verdict = Exercises.checkRateLimit((perWindow, window) -> new Exercises.RateLimit() {
            @Override
            public void acquire() {
            }

            @Override
            public void close() {
            }
        });
        assertTrue(verdict.startsWith("NOT YET") && verdict.contains("allowed"), verdict);
    }

    @Test
    void aMissingLimitIsNotYetRight() {
        String verdict = Exercises.checkRateLimit((perWindow, window) -> null);
        assertTrue(verdict.startsWith("NOT YET"), verdict);
    }
}
