package course.bench;

import course.pipeline.Pipeline;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;
import java.util.stream.Gatherers;
import java.util.stream.IntStream;

/*
 * 3. What a pipeline stage costs per item, and what batching buys.
 *
 * A 4-stage pipeline of trivial stages: a source counting 1..ITEMS, then three maps (+1, *3,
 * -2). The stages do almost nothing, so the score (nanoseconds PER ITEM, thanks to
 * @OperationsPerInvocation) is the price of the plumbing: four queue hand-offs between five
 * threads (source, three stages, the reader), each of which may park and be woken.
 *
 *   - ours: chapter 3's Pipeline, unbatched (batch 1) and with batches of 16, 64 and 256.
 *     A batch moves a chunk of items in one hand-off, so the hand-off cost is shared.
 *   - queueChain: the same four stages written by hand, one platform thread per stage and an
 *     ArrayBlockingQueue of 16 (the Pipeline's default capacity) between neighbours, ended
 *     by a sentinel: the obvious unbatched design, whose put and take park at once.
 *   - plainLoop: the three functions applied in a for loop on one thread. No hand-off at all:
 *     what the work itself costs.
 *   - mapConcurrent: Java 24's Gatherers.mapConcurrent, one gatherer per stage, each running
 *     its items on up to 2 virtual threads at a time.
 *
 * Compare with HandoffBench, one hand-off between two threads through a queue whose put and take
 * park at once: the unbatched pipeline pays a hand-off four times per item, but its channels
 * yield before they park (course.concurrent.internal.Handoff).
 *
 * Every run starts its threads and ends them before the invocation returns; @TearDown checks
 * that no pipeline thread is left.
 *
 * Run it alone:
 *   make bench BENCH=PipelineBench
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PipelineBench {
    /** Items per invocation. */
    public static final int ITEMS = 10_000;
    /** Queue capacity between hand-written stages: the Pipeline's default. */
    static final int CAPACITY = Pipeline.DEFAULT_CAPACITY;
    /** Ends the hand-written chain; never a real item (items are positive). */
    private static final Integer END = Integer.MIN_VALUE;

    static int stage1(int x) {
        return x + 1;
    }

    static int stage2(int x) {
        return x * 3;
    }

    static int stage3(int x) {
        return x - 2;
    }

    @Param({"1", "16", "64", "256"})
    public int batch;

    @TearDown(Level.Trial)
    public void tearDown() {
        List<String> left = Pipeline.liveThreads();
        if (!left.isEmpty()) {
            throw new IllegalStateException("pipeline threads still alive: " + left);
        }
    }

    /** Our pipeline, at the batch size of the parameter. */
    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public void pipeline(Blackhole bh) {
        List<Integer> out = Pipeline.range(1, ITEMS)
                .map("plus", PipelineBench::stage1)
                .map("times", PipelineBench::stage2)
                .map("minus", PipelineBench::stage3)
                .defaultBatch(batch)
                .toList();
        check(out.size());
        bh.consume(out);
    }

    /*
     * The baselines do not depend on the batch size, so they live in their own state-less
     * class below (Baselines) and run once, not four times.
     */

    static void check(int size) {
        if (size != ITEMS) {
            throw new IllegalStateException("expected " + ITEMS + " items, got " + size);
        }
    }

    /** The batch-independent baselines. */
    @State(Scope.Benchmark)
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public static class Baselines {
        @Benchmark
        @OperationsPerInvocation(ITEMS)
        public void queueChain(Blackhole bh) throws InterruptedException {
            BlockingQueue<Integer> q0 = new ArrayBlockingQueue<>(CAPACITY);
            BlockingQueue<Integer> q1 = new ArrayBlockingQueue<>(CAPACITY);
            BlockingQueue<Integer> q2 = new ArrayBlockingQueue<>(CAPACITY);
            BlockingQueue<Integer> q3 = new ArrayBlockingQueue<>(CAPACITY);
            List<Thread> threads = new ArrayList<>(4);
            threads.add(Thread.ofPlatform().name("chain-source").start(() -> {
                try {
                    for (int i = 1; i <= ITEMS; i++) {
                        q0.put(i);
                    }
                    q0.put(END);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            threads.add(stage("chain-plus", q0, q1, PipelineBench::stage1));
            threads.add(stage("chain-times", q1, q2, PipelineBench::stage2));
            threads.add(stage("chain-minus", q2, q3, PipelineBench::stage3));
            List<Integer> out = new ArrayList<>(ITEMS);
            for (Integer x = q3.take(); !x.equals(END); x = q3.take()) {
                out.add(x);
            }
            for (Thread t : threads) {
                t.join();
            }
            check(out.size());
            bh.consume(out);
        }

        private static Thread stage(String name, BlockingQueue<Integer> in, BlockingQueue<Integer> out,
                                    IntUnaryOperator f) {
            return Thread.ofPlatform().name(name).start(() -> {
                try {
                    for (Integer x = in.take(); !x.equals(END); x = in.take()) {
                        out.put(f.applyAsInt(x));
                    }
                    out.put(END);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }

        @Benchmark
        @OperationsPerInvocation(ITEMS)
        public void plainLoop(Blackhole bh) {
            List<Integer> out = new ArrayList<>(ITEMS);
            for (int i = 1; i <= ITEMS; i++) {
                out.add(stage3(stage2(stage1(i))));
            }
            check(out.size());
            bh.consume(out);
        }

        @Benchmark
        @OperationsPerInvocation(ITEMS)
        public void mapConcurrent(Blackhole bh) {
            List<Integer> out = IntStream.rangeClosed(1, ITEMS).boxed()
                    .gather(Gatherers.mapConcurrent(2, PipelineBench::stage1))
                    .gather(Gatherers.mapConcurrent(2, PipelineBench::stage2))
                    .gather(Gatherers.mapConcurrent(2, PipelineBench::stage3))
                    .toList();
            check(out.size());
            bh.consume(out);
        }
    }
}
