package course.concurrent;

/**
 * How a thread of the course waits when it cannot go on at once: a worker for a job, a
 * generator or a pipeline stage for room in a full queue, a reader for a result, a submitter
 * for a semaphore's permit. Every worker pool, pipeline and bounded executor of the course takes
 * one as an option, {@link #DEFAULT} unless told otherwise.
 *
 * <ul>
 *   <li>{@link #PARK}: block at once, as {@code ArrayBlockingQueue.put} and {@code take} do.
 *       The thread parks, costs nothing while it waits, and the other side wakes it through the
 *       scheduler, which costs more than the hand-off itself on every hand-off that finds the
 *       queue full or empty.</li>
 *   <li>{@link #SPIN_THEN_PARK}: try again up to {@link #yields()} times, giving up the core
 *       ({@link Thread#yield()}) between tries, and park only then, as
 *       {@code LinkedTransferQueue} and {@code SynchronousQueue} spin a little before they park.
 *       When the other side is running on another core, it usually makes room or delivers
 *       meanwhile, and the hand-off never parks; when nobody comes, the yields are a core's time
 *       spent for nothing, which a busy machine feels. Chapter 6 measures both sides
 *       ({@code WaitPolicyBench}): the time per hand-off and the CPU it burns, on an idle
 *       machine and on a busy one.</li>
 * </ul>
 *
 * <p>A virtual thread always parks at once, whatever the policy: a virtual thread that yields
 * hands its carrier to the scheduler and back, and with every thread of a pool yielding the
 * carriers churn, while parking a virtual thread only unmounts it.
 *
 * <pre>{@code
 * var pool = new WorkerPool<Integer, Integer>(2, ThreadKind.PLATFORM, 2, WaitPolicy.PARK);
 * var run = Pipeline.range(1, 1_000).map("double", n -> 2 * n).waitPolicy(WaitPolicy.PARK).start();
 * var exec = new BoundedExecutor(4, false, "io", WaitPolicy.PARK);
 * }</pre>
 */
public enum WaitPolicy {
    /** Block at once, as a plain {@code ArrayBlockingQueue} does. */
    PARK(0),
    /**
     * Yield the core between tries, up to {@value #SPIN_YIELDS} times, then block; on platform
     * threads only. The default.
     */
    SPIN_THEN_PARK(WaitPolicy.SPIN_YIELDS);

    /** The policy of every pool, pipeline and bounded executor that is not given one. */
    public static final WaitPolicy DEFAULT = SPIN_THEN_PARK;

    /**
     * How many times {@link #SPIN_THEN_PARK} tries again before it parks. Enough to cover a
     * hand-off between busy threads on a small machine, and few enough that a wait nobody
     * answers soon ends in a park.
     */
    public static final int SPIN_YIELDS = 100;

    /** How many times a platform thread tries again, yielding between tries, before it parks. */
    private final int yields;

    WaitPolicy(int yields) {
        this.yields = yields;
    }

    /** How many times a platform thread tries again before it parks: 0 for {@link #PARK}. */
    public int yields() {
        return yields;
    }
}
