package course.pool;

import course.concurrent.Context;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Go original's race, reproduced: a client that stops reading when the pool's "done"
 * signal fires can miss results that are still buffered, and the fix, a client that reads
 * until the results stream is closed.
 *
 * <p><b>Wrong:</b> {@link #readUntilDone(WorkerPool)} polls for results and, between polls,
 * checks {@link WorkerPool#done()}, as the original's {@code select} on the results channel and
 * the done channel did. Done fires when the last worker exits, which can be right after the
 * workers put their last results, before the client has read them. The client then leaves, and
 * those results are lost.
 *
 * <p><b>Right:</b> {@link #readUntilClosed(WorkerPool)} reads until the stream says it is
 * closed. The pool closes the stream only after every worker has put its last result, so
 * nothing can be left behind.
 *
 * <p>{@link #seenInOneRun} runs the 10-jobs-on-2-workers demo once with a given client and
 * counts what it saw; {@link RaceTally#count} repeats that many times.
 *
 * <pre>{@code
 * RaceTally wrong = RaceTally.count(10, 2_000, () -> RaceDemo.seenInOneRun(10, 2, RaceDemo::readUntilDone));
 * RaceTally right = RaceTally.count(10, 2_000, () -> RaceDemo.seenInOneRun(10, 2, RaceDemo::readUntilClosed));
 * wrong.missedRuns();   // some, varying from run to run
 * right.missedRuns();   // 0, always
 * }</pre>
 */
public final class RaceDemo {
    /** How long the wrong client waits for a result before it looks at the done signal again. */
    public static final Duration POLL = Duration.ofMillis(1);

    private RaceDemo() {
    }

    /** A client: reads what it reads from a running pool and returns it. */
    @FunctionalInterface
    public interface Client {
        /** Reads results from {@code pool}, which is running the batch. */
        List<Result<Integer>> read(WorkerPool<Integer, Integer> pool) throws InterruptedException;
    }

    /**
     * WRONG: reads while the pool's done signal has not fired, then stops, leaving behind any
     * results still buffered in the stream. Kept to show the race; never read a pool this way.
     *
     * @throws InterruptedException when interrupted while polling
     */
    public static <R> List<Result<R>> readUntilDone(WorkerPool<?, R> pool) throws InterruptedException {
        List<Result<R>> seen = new ArrayList<>();
        while (!pool.done().isDone()) {
            Optional<Result<R>> r = pool.poll(POLL);
            r.ifPresent(seen::add);
        }
        return seen; // BUG: results put just before done fired are still in the stream
    }

    /**
     * RIGHT: reads until the results stream is closed, which happens only after every worker
     * has put its last result.
     *
     * @throws InterruptedException when interrupted while waiting
     */
    public static <R> List<Result<R>> readUntilClosed(WorkerPool<?, R> pool) throws InterruptedException {
        List<Result<R>> seen = new ArrayList<>();
        for (Optional<Result<R>> r = pool.take(); r.isPresent(); r = pool.take()) {
            seen.add(r.get());
        }
        return seen;
    }

    /**
     * Runs {@code jobs} doubling jobs on {@code workers} platform workers, reads with
     * {@code client}, closes the pool, and returns how many distinct jobs' results the client saw.
     *
     * @throws IllegalStateException when the client saw a result twice, a failed result, or an
     *                               unknown job: none of these may happen, race or not
     */
    public static int seenInOneRun(int jobs, int workers, Client client) {
        try (WorkerPool<Integer, Integer> pool = new WorkerPool<>(workers)) {
            pool.generateFrom(Jobs.doubling(jobs));
            pool.run(Context.background());
            List<Result<Integer>> seen = client.read(pool);
            Set<String> ids = new HashSet<>();
            for (Result<Integer> r : seen) {
                int id = Integer.parseInt(r.descriptor().id());
                if (!r.isOk() || id < 0 || id >= jobs || r.value() != 2 * id || !ids.add(r.descriptor().id())) {
                    throw new IllegalStateException("client saw an impossible result " + r + " among " + seen);
                }
            }
            return ids.size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during a race run", e);
        }
    }
}
