package course.pool;

import course.concurrent.internal.ThreadRegistry;

import java.util.Objects;

/**
 * The pools of one class: how they are named, and which of their threads still run. Each pool
 * class keeps one, so that its {@code liveThreads()} counts only its own threads.
 *
 * <pre>{@code
 * private static final PoolFamily FAMILY = new PoolFamily("course-pool-");
 * public static int liveThreads() { return FAMILY.liveThreads(); }
 * }</pre>
 */
public final class PoolFamily {
    /** What every pool's name, and so every thread's, begins with. */
    private final String prefix;
    /** Pools named so far; the next is {@code prefix + (ids + 1)}. */
    private int ids;
    /** Threads started by a pool of the family that have not yet finished their task. */
    private final ThreadRegistry threads = new ThreadRegistry();

    /**
     * A family whose pools are named {@code <prefix>1}, {@code <prefix>2}, ...
     *
     * @throws NullPointerException when {@code prefix} is null
     */
    public PoolFamily(String prefix) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    /** How many threads started by a pool of the family are still running. Zero when every pool is closed. */
    public int liveThreads() {
        return threads.live();
    }

    /** The next pool's name. */
    synchronized String nextName() {
        return prefix + ++ids;
    }

    /** Where the family's pools register their threads. */
    ThreadRegistry registry() {
        return threads;
    }

    @Override
    public String toString() {
        return "PoolFamily[" + prefix + "*, " + liveThreads() + " live threads]";
    }
}
