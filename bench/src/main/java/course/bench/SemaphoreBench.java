package course.bench;

import course.semaphore.BoundedExecutor;
import course.semaphore.TokenSemaphore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/*
 * 2. Two semaphores, and two ways to bound virtual threads.
 *
 * Chapter 2 rebuilt Go's buffered-channel semaphore as TokenSemaphore: a bounded queue of
 * tokens, acquire puts one in, release takes one out. java.util.concurrent.Semaphore does the
 * same job with one atomic counter (AQS). How far apart are they?
 *
 *   - uncontended: one thread acquires and releases, over and over. The score is one
 *     acquire+release pair. Here the question is the fast path: a lock and a queue slot for
 *     ours, one compare-and-set for the JDK's.
 *   - contended: two threads (@Threads(2)) fight for ONE permit, each holding it for a few
 *     dozen nanoseconds of work. The score is one pair per thread, so it includes waiting for
 *     the other thread and being woken. A blocked thread parks, and unparking costs microseconds.
 *
 * Then the bounded executor of chapter 2 (a Semaphore bound plus one virtual thread per task,
 * with a Future per task, counters and clean shutdown) against the bare idiom it wraps: acquire,
 * start a virtual thread that releases when done, and at the end take every permit to wait for
 * the stragglers. Both run TASKS tiny tasks per invocation with a bound of 2, so the score is
 * nanoseconds per task. The difference is what the executor's safety costs.
 *
 * Run it alone:
 *   make bench BENCH=SemaphoreBench
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SemaphoreBench {
    /** Tasks per invocation in the executor benchmarks. */
    public static final int TASKS = 1_000;
    /** The bound of both executors. */
    static final int BOUND = 2;
    /** The work done while holding a permit, in Blackhole.consumeCPU tokens. */
    static final int WORK_TOKENS = 32;

    private TokenSemaphore tokens;
    private Semaphore jucSemaphore;
    private BoundedExecutor bounded;
    private Semaphore raw;

    @Setup(Level.Trial)
    public void setUp() {
        tokens = new TokenSemaphore(1);
        jucSemaphore = new Semaphore(1);
        bounded = new BoundedExecutor(BOUND, false, "bench-bounded");
        raw = new Semaphore(BOUND);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        tokens.close();
        bounded.close();
    }

    @Benchmark
    public void uncontendedTokenSemaphore() throws InterruptedException {
        tokens.acquire();
        tokens.release();
    }

    @Benchmark
    public void uncontendedJucSemaphore() throws InterruptedException {
        jucSemaphore.acquire();
        jucSemaphore.release();
    }

    @Benchmark
    @Threads(2)
    public void contendedTokenSemaphore() throws InterruptedException {
        tokens.acquire();
        try {
            Blackhole.consumeCPU(WORK_TOKENS);
        } finally {
            tokens.release();
        }
    }

    @Benchmark
    @Threads(2)
    public void contendedJucSemaphore() throws InterruptedException {
        jucSemaphore.acquire();
        try {
            Blackhole.consumeCPU(WORK_TOKENS);
        } finally {
            jucSemaphore.release();
        }
    }

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public void boundedExecutor(Blackhole bh) throws Exception {
        List<Future<Integer>> futures = new ArrayList<>(TASKS);
        for (int i = 0; i < TASKS; i++) {
            int n = i;
            futures.add(bounded.submit(() -> {
                Blackhole.consumeCPU(WORK_TOKENS);
                return n;
            }));
        }
        for (Future<Integer> f : futures) {
            bh.consume(f.get());
        }
    }

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public void rawSemaphoreVirtualThreads() throws InterruptedException {
        for (int i = 0; i < TASKS; i++) {
            raw.acquire();
            Thread.ofVirtual().start(() -> {
                try {
                    Blackhole.consumeCPU(WORK_TOKENS);
                } finally {
                    raw.release();
                }
            });
        }
        raw.acquire(BOUND);     // every task has released its permit: all have ended their work
        raw.release(BOUND);
    }
}
