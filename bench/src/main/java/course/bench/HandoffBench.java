package course.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/*
 * 4. The floor: one item handed from one thread to another.
 *
 * Every pattern in the course moves work between threads through a queue: the pool's jobs and
 * results queues, the semaphore's tokens, each pipeline stage's output. This benchmark measures
 * that move and nothing else. One producer thread puts ITEMS integers; the benchmark thread takes
 * them. The score is nanoseconds PER ITEM.
 *
 *   - ArrayBlockingQueue(16) and LinkedBlockingQueue(16): bounded, like the course's queues
 *     (16 is the pipeline's default capacity). ABQ has one lock; LBQ has a put lock and a
 *     take lock, so the two ends do not contend with each other.
 *   - LinkedTransferQueue: unbounded and lock-free; a taker spins briefly before parking.
 *   - SynchronousQueue: no capacity at all; every put waits for its take (Go's unbuffered
 *     channel). Each item costs a full rendezvous.
 *
 * The producer is started per invocation and joined before it returns (its start is spread over
 * ITEMS items). On 2 cores the two threads run in parallel; on a loaded machine one of them may
 * wait for a core, and the numbers jump: run twice before believing a difference.
 *
 * Run it alone:
 *   make bench BENCH=HandoffBench
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HandoffBench {
    /** Items per invocation. */
    public static final int ITEMS = 10_000;
    /** Capacity of the bounded queues. */
    static final int CAPACITY = 16;

    @Param({"ArrayBlockingQueue", "LinkedBlockingQueue", "LinkedTransferQueue", "SynchronousQueue"})
    public String queue;

    private BlockingQueue<Integer> fresh() {
        return switch (queue) {
            case "ArrayBlockingQueue" -> new ArrayBlockingQueue<>(CAPACITY);
            case "LinkedBlockingQueue" -> new LinkedBlockingQueue<>(CAPACITY);
            case "LinkedTransferQueue" -> new LinkedTransferQueue<>();
            case "SynchronousQueue" -> new SynchronousQueue<>();
            default -> throw new IllegalArgumentException("unknown queue " + queue);
        };
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public void spsc(Blackhole bh) throws InterruptedException {
        BlockingQueue<Integer> q = fresh();
        Thread producer = Thread.ofPlatform().name("handoff-producer").start(() -> {
            try {
                for (int i = 0; i < ITEMS; i++) {
                    q.put(i);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            for (int i = 0; i < ITEMS; i++) {
                bh.consume(q.take());
            }
        } finally {
            producer.interrupt();   // a no-op when it has finished; frees it if we were interrupted
            producer.join();
        }
    }
}
