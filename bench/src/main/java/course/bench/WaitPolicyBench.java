package course.bench;

import course.concurrent.WaitPolicy;
import course.concurrent.internal.Handoff;
import org.openjdk.jmh.annotations.AuxCounters;
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

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/*
 * 6. The wait policy: what a hand-off costs in time, and in CPU, on an idle and on a busy machine.
 *
 * Every pool, pipeline and bounded executor of the course waits through one class,
 * course.concurrent.internal.Handoff, as a WaitPolicy says: PARK blocks at once (a plain
 * ArrayBlockingQueue.put or take); SPIN_THEN_PARK, the library's default, first tries again
 * between calls to Thread.yield(), a bounded number of times, and parks only then. This
 * benchmark hands ITEMS integers from one platform thread to another through an
 * ArrayBlockingQueue(2), the capacity of chapter 1's pool of 2 workers, with Handoff.put and
 * Handoff.take, under each policy, and reports two
 * numbers per item:
 *
 *   - the score: nanoseconds PER ITEM (wall-clock time, what the consumer waits);
 *   - the secondary metric "cpuNsPerItem": the CPU time the producer and the consumer used
 *     together, per item (ThreadMXBean's thread CPU time, read by each thread at its start and
 *     end). Spinning trades this for the first: a yield that finds nothing to do is CPU spent.
 *
 * busyThreads = 0 runs on an idle machine; busyThreads = 2 starts two platform threads that
 * burn CPU (Blackhole.consumeCPU in a loop) for the whole iteration, started in
 * @Setup(Level.Iteration) and joined in @TearDown(Level.Iteration), so that on a 2-core machine
 * every core has something else to run. A yield then hands the core to a busy thread, and the
 * CPU the hand-off burns is CPU the busy threads do not get.
 *
 * On a machine shared with other programs the busy case is noisy: run it twice before believing
 * a difference.
 *
 * Run it alone:
 *   make bench BENCH=WaitPolicyBench
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WaitPolicyBench {
    /**
     * Items per invocation: fewer than HandoffBench's 10,000, because beside busy threads a
     * SPIN_THEN_PARK hand-off can take a scheduling slice per item, and one invocation must not
     * outlast an iteration many times over. The producer's start is still spread over them.
     */
    public static final int ITEMS = 2_000;
    /**
     * Capacity of the queue: the worker pool's, buffered to its 2 workers. With so little room
     * nearly every put or take finds the queue full or empty, which is where the policy matters.
     */
    static final int CAPACITY = 2;
    /** How much CPU a busy thread burns between checks of its stop flag, in Blackhole tokens. */
    static final int BUSY_TOKENS = 1_000;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Param({"PARK", "SPIN_THEN_PARK"})
    public WaitPolicy policy;

    @Param({"0", "2"})
    public int busyThreads;

    /** The threads that burn CPU during an iteration; empty when busyThreads is 0. */
    private final List<Thread> busy = new ArrayList<>();
    /** Set by the iteration's teardown to stop the busy threads. */
    private volatile boolean stop;

    @Setup(Level.Iteration)
    public void startBusyThreads() {
        stop = false;
        for (int i = 0; i < busyThreads; i++) {
            busy.add(Thread.ofPlatform().name("busy-" + i).daemon().start(() -> {
                while (!stop) {
                    Blackhole.consumeCPU(BUSY_TOKENS);
                }
            }));
        }
    }

    @TearDown(Level.Iteration)
    public void stopBusyThreads() throws InterruptedException {
        stop = true;
        for (Thread t : busy) {
            t.join();
        }
        busy.clear();
    }

    /** The secondary metric: CPU time of the hand-off's two threads, per item, in this iteration. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Cpu {
        /** CPU nanoseconds of the producers and the consumer, summed over the iteration. */
        long cpuNanos;
        /** Items handed over in the iteration. */
        long items;

        @Setup(Level.Iteration)
        public void reset() {
            cpuNanos = 0;
            items = 0;
        }

        /** CPU nanoseconds per item; JMH reports it beside the score. */
        public double cpuNsPerItem() {
            return items == 0 ? 0 : (double) cpuNanos / items;
        }
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public void handoff(Cpu cpu, Blackhole bh) throws InterruptedException {
        BlockingQueue<Integer> q = new ArrayBlockingQueue<>(CAPACITY);
        long[] producerCpu = new long[1];
        Thread producer = Thread.ofPlatform().name("waitpolicy-producer").start(() -> {
            long start = THREADS.getCurrentThreadCpuTime();
            try {
                for (int i = 0; i < ITEMS; i++) {
                    Handoff.put(policy, q, i);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            producerCpu[0] = THREADS.getCurrentThreadCpuTime() - start;
        });
        long start = THREADS.getCurrentThreadCpuTime();
        try {
            for (int i = 0; i < ITEMS; i++) {
                bh.consume(Handoff.take(policy, q));
            }
        } finally {
            producer.interrupt();   // a no-op when it has finished; frees it if we were interrupted
            producer.join();
        }
        cpu.cpuNanos += THREADS.getCurrentThreadCpuTime() - start + producerCpu[0];   // join: the write is visible
        cpu.items += ITEMS;
    }
}
