package course.bench;

import course.concurrent.Context;
import course.concurrent.ThreadKind;
import course.pool.Job;
import course.pool.Result;
import course.pool.WorkerPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/*
 * 1. The worker pool against the JDK's executors.
 *
 * Chapter 1 built a WorkerPool: a generator thread feeds a bounded jobs queue, N workers take
 * from it and put their results on a bounded results queue, and the caller reads them. What does
 * one task cost in that machinery, next to the executors the JDK already offers?
 *
 * Every benchmark runs TASKS tasks per invocation and reads every result back, so with
 * @OperationsPerInvocation the score is nanoseconds PER TASK. Two kinds of task:
 *   - "noop" returns its argument: the score is pure hand-off and bookkeeping;
 *   - "tiny" burns a few dozen nanoseconds of CPU (Blackhole.consumeCPU), about the size of a
 *     map lookup, so that workers have something to do while the queue refills.
 *
 * The contenders, each with 2 workers (the reference machine has 2 cores):
 *   - our WorkerPool with platform workers, and with virtual workers. A WorkerPool runs one batch
 *     and ends, so each invocation makes a fresh one (3 threads started and joined, a few
 *     tens of nanoseconds per task once spread over 10,000 tasks);
 *   - our WorkerPool with platform workers and a buffer of 1024 for its jobs queue and results
 *     stream instead of one slot per worker (the original's), to see what the buffer costs;
 *   - a ThreadPoolExecutor with 2 threads and an unbounded LinkedBlockingQueue
 *     (Executors.newFixedThreadPool(2));
 *   - a ForkJoinPool of parallelism 2, tasks submitted from outside;
 *   - a virtual-thread-per-task executor: one new virtual thread per task;
 *   - queueFedPool: the WorkerPool's shape written by hand in a few lines (a generator, 2 platform
 *     workers, a reader, an ArrayBlockingQueue for jobs and one for results), fresh threads per
 *     invocation like the WorkerPool, at queue capacity 2 (the WorkerPool's: one per worker) and
 *     1024. It separates what the shape costs from what the queues' capacity costs.
 * The executors are made once per trial and closed in @TearDown; tasks are submitted as
 * Callables and every Future is read, which is what a caller who wants the results does.
 *
 * Run it alone:
 *   make bench BENCH=PoolBench
 *   java -cp 'bench/target/course-bench-1.0-SNAPSHOT.jar:bench/target/lib/*' course.bench.Suite PoolBench
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PoolBench {
    /** Tasks per invocation. */
    public static final int TASKS = 10_000;
    /** Workers in every contender. */
    static final int WORKERS = 2;
    /** How much CPU a "tiny" task burns, in Blackhole.consumeCPU tokens. */
    static final int TINY_TOKENS = 32;

    @Param({"noop", "tiny"})
    public String task;

    private List<Job<Integer, Integer>> jobs;
    private List<Callable<Integer>> callables;
    private ExecutorService tpe;
    private ForkJoinPool fjp;
    private ExecutorService perTask;

    @Setup(Level.Trial)
    public void setUp() {
        boolean tiny = task.equals("tiny");
        jobs = new ArrayList<>(TASKS);
        callables = new ArrayList<>(TASKS);
        for (int i = 0; i < TASKS; i++) {
            Integer n = i;
            jobs.add(Job.of("job-" + i, task, n, (ctx, a) -> work(tiny, a)));
            callables.add(() -> work(tiny, n));
        }
        tpe = new ThreadPoolExecutor(WORKERS, WORKERS, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
        fjp = new ForkJoinPool(WORKERS);
        perTask = Executors.newVirtualThreadPerTaskExecutor();
    }

    static Integer work(boolean tiny, Integer n) {
        if (tiny) {
            Blackhole.consumeCPU(TINY_TOKENS);
        }
        return n;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        tpe.close();
        fjp.close();
        perTask.close();
        if (WorkerPool.liveThreads() != 0) {
            throw new IllegalStateException(WorkerPool.liveThreads() + " worker-pool threads still alive");
        }
    }

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public void workerPoolPlatform(Blackhole bh) throws InterruptedException {
        readAll(WorkerPool.runBatch(WORKERS, ThreadKind.PLATFORM, Context.background(), jobs), bh);
    }

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public void workerPoolVirtual(Blackhole bh) throws InterruptedException {
        readAll(WorkerPool.runBatch(WORKERS, ThreadKind.VIRTUAL, Context.background(), jobs), bh);
    }

    /** The buffer of the buffered WorkerPool: as large as the hand-written pool's larger queues. */
    static final int BUFFERED = 1024;

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public void workerPoolPlatformBuffered(Blackhole bh) throws InterruptedException {
        try (WorkerPool<Integer, Integer> pool = new WorkerPool<>(WORKERS, ThreadKind.PLATFORM, BUFFERED)) {
            readAll(pool.runAll(Context.background(), jobs), bh);
        }
    }

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public void threadPoolExecutor2(Blackhole bh) throws Exception {
        submitAll(tpe, bh);
    }

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public void forkJoinPool(Blackhole bh) throws Exception {
        submitAll(fjp, bh);
    }

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public void virtualPerTask(Blackhole bh) throws Exception {
        submitAll(perTask, bh);
    }

    /** The queue capacity of the hand-written pool. */
    @State(Scope.Benchmark)
    public static class Capacity {
        @Param({"2", "1024"})
        public int capacity;
    }

    /** Marks the end of the jobs, and a worker's last result. Never a real task's value. */
    private static final Integer END = Integer.MIN_VALUE;

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public void queueFedPool(Capacity c, Blackhole bh) throws Exception {
        BlockingQueue<Callable<Integer>> in = new ArrayBlockingQueue<>(c.capacity);
        BlockingQueue<Integer> out = new ArrayBlockingQueue<>(c.capacity);
        Callable<Integer> stop = () -> END;
        List<Thread> threads = new ArrayList<>(WORKERS + 1);
        threads.add(Thread.ofPlatform().name("queue-pool-generator").start(() -> {
            try {
                for (Callable<Integer> task : callables) {
                    in.put(task);
                }
                for (int w = 0; w < WORKERS; w++) {
                    in.put(stop);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        for (int w = 0; w < WORKERS; w++) {
            threads.add(Thread.ofPlatform().name("queue-pool-worker-" + w).start(() -> {
                try {
                    for (Callable<Integer> task = in.take(); task != stop; task = in.take()) {
                        out.put(task.call());
                    }
                    out.put(END);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        int results = 0;
        for (int ended = 0; ended < WORKERS; ) {
            Integer r = out.take();
            if (r.equals(END)) {
                ended++;
            } else {
                results++;
                bh.consume(r);
            }
        }
        for (Thread t : threads) {
            t.join();
        }
        if (results != TASKS) {
            throw new IllegalStateException("expected " + TASKS + " results, got " + results);
        }
    }

    private static void readAll(List<Result<Integer>> results, Blackhole bh) {
        if (results.size() != TASKS) {
            throw new IllegalStateException("expected " + TASKS + " results, got " + results.size());
        }
        for (Result<Integer> r : results) {
            bh.consume(r.orElseThrow());
        }
    }

    private void submitAll(ExecutorService executor, Blackhole bh) throws InterruptedException, ExecutionException {
        List<Future<Integer>> futures = new ArrayList<>(TASKS);
        for (Callable<Integer> c : callables) {
            futures.add(executor.submit(c));
        }
        for (Future<Integer> f : futures) {
            bh.consume(f.get());
        }
    }
}
