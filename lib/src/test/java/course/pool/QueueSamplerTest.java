package course.pool;

import course.concurrent.Context;
import course.concurrent.ThreadKind;
import course.testing.Delays;
import course.testing.TestThreads;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueueSamplerTest {
    static final Duration PERIOD = Duration.ofMillis(1);

    @Test
    void noSampleExceedsTheBufferOrFallsBelowZero() throws InterruptedException {
        try (var pool = new WorkerPool<Integer, Integer>(2)) {
            var sampler = QueueSampler.start(pool, PERIOD);
            assertEquals(20, pool.runAll(Context.background(), Jobs.sleeping(20, Delays.SHORT.dividedBy(4))).size());
            sampler.close();
            assertEquals(2, sampler.capacity());
            for (double[] depths : List.of(sampler.jobs(), sampler.results())) {
                assertTrue(Arrays.stream(depths).allMatch(d -> d >= 0 && d <= 2), Arrays.toString(depths));
            }
        }
    }

    @Test
    void aReadingTakenWhileJobsAndResultsFlowNeverExceedsTheBuffer() throws InterruptedException {
        try (var pool = new WorkerPool<Integer, Integer>(2)) {
            var worst = new AtomicInteger();
            var reading = new AtomicBoolean(true);
            Thread reader = Thread.ofPlatform().start(() -> {
                while (reading.get()) {
                    worst.accumulateAndGet(Math.max(pool.jobsWaiting(), pool.resultsWaiting()), Math::max);
                }
            });
            try {
                assertEquals(5_000, pool.runAll(Context.background(), Jobs.doubling(5_000)).size());
            } finally {
                reading.set(false);
                reader.join();
            }
            assertTrue(worst.get() <= 2, "a reading of " + worst.get() + " in a buffer of 2");
        }
    }

    @Test
    void samplesAreInTimeOrderAndTheArraysAgree() throws InterruptedException {
        try (var pool = new WorkerPool<Integer, Integer>(2)) {
            var sampler = QueueSampler.start(pool, PERIOD);
            pool.runAll(Context.background(), Jobs.sleeping(10, Delays.SHORT.dividedBy(4)));
            sampler.close();
            double[] times = sampler.times();
            assertTrue(times.length >= 2, "a first sample at the start and a last one at the close");
            assertEquals(times.length, sampler.samples());
            assertEquals(times.length, sampler.jobs().length);
            assertEquals(times.length, sampler.results().length);
            for (int i = 1; i < times.length; i++) {
                assertTrue(times[i] >= times[i - 1], "sample " + i + " is earlier than the one before");
            }
            assertTrue(sampler.elapsedMillis() >= times[times.length - 1]);
        }
    }

    @Test
    void aGeneratorBlockedBehindABusyWorkerShowsAFullJobsQueue() throws InterruptedException {
        var release = new CountDownLatch(1);
        var started = new CountDownLatch(1);
        List<Job<Integer, Integer>> batch = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            batch.add(Job.of(Integer.toString(i), "wait", i, (ctx, n) -> {
                started.countDown();
                release.await();
                return n;
            }));
        }
        try (var pool = new WorkerPool<Integer, Integer>(1)) {
            pool.generateFrom(batch);
            pool.run(Context.background());
            started.await();
            TestThreads.await("the generator fills the jobs queue", () -> pool.jobsWaiting() == 1);
            var sampler = QueueSampler.start(pool, PERIOD);
            sampler.close();
            double[] jobs = sampler.jobs();
            assertEquals(1.0, jobs[jobs.length - 1], "the one slot of the jobs queue is full");
            release.countDown();
            assertEquals(4, pool.readAll().size());
        }
    }

    @Test
    void unreadResultsAreCountedAndTheEndMarkerIsNot() throws InterruptedException {
        try (var pool = new WorkerPool<Integer, Integer>(1, ThreadKind.PLATFORM, 4)) {
            pool.generateFrom(Jobs.doubling(3));
            pool.run(Context.background());
            TestThreads.await("the pool finishes without a reader", () -> pool.done().isDone());
            assertEquals(3, pool.resultsWaiting(), "three results and the end marker sit in the stream");
            assertEquals(0, pool.jobsWaiting(), "the end-of-batch marker is not a job");
            assertEquals(3, pool.readAll().size());
            assertEquals(0, pool.resultsWaiting());
        }
    }

    @Test
    void closeEndsTheSamplerThreadAndIsIdempotent() throws InterruptedException {
        try (var pool = new WorkerPool<Integer, Integer>(1)) {
            var sampler = QueueSampler.start(pool, PERIOD);
            String name = pool.name() + "-sampler";
            assertEquals(1, TestThreads.alive(name));
            sampler.close();
            int samples = sampler.samples();
            sampler.close();
            assertEquals(samples, sampler.samples(), "a second close takes no sample");
            assertEquals(0, TestThreads.alive(name));
        }
    }

    @Test
    void startRejectsANullPoolAndANonPositivePeriod() {
        try (var pool = new WorkerPool<Integer, Integer>(1)) {
            assertThrows(NullPointerException.class, () -> QueueSampler.start(null, PERIOD));
            assertThrows(NullPointerException.class, () -> QueueSampler.start(pool, null));
            var zero = assertThrows(IllegalArgumentException.class, () -> QueueSampler.start(pool, Duration.ZERO));
            assertTrue(zero.getMessage().contains("period"), zero.getMessage());
            assertThrows(IllegalArgumentException.class, () -> QueueSampler.start(pool, Duration.ofMillis(-1)));
        }
    }
}
