package course.concurrent;

/**
 * Which kind of thread runs a pool's workers.
 *
 * <ul>
 *   <li>{@link #PLATFORM}: one operating-system thread each; costly to create by the thousand,
 *       but the only kind that runs CPU-bound work in parallel on several cores.</li>
 *   <li>{@link #VIRTUAL}: cheap JDK-scheduled threads carried by a few platform threads; ideal
 *       for many workers that mostly wait (I/O, sleeps).</li>
 * </ul>
 *
 * <pre>{@code
 * Thread t = ThreadKind.VIRTUAL.builder("demo-").unstarted(() -> System.out.println("hi"));
 * }</pre>
 */
public enum ThreadKind {
    /** Operating-system threads. */
    PLATFORM,
    /** Virtual threads. */
    VIRTUAL;

    /**
     * A thread builder of this kind, unnamed: platform threads are daemons, so that a forgotten
     * pool never keeps the JVM alive, as a goroutine never keeps a Go program alive.
     */
    public Thread.Builder builder() {
        return switch (this) {
            case PLATFORM -> Thread.ofPlatform().daemon(true);
            case VIRTUAL -> Thread.ofVirtual();
        };
    }

    /**
     * A thread builder of this kind whose threads are named {@code prefix0}, {@code prefix1}, ...
     * (daemons if platform).
     */
    public Thread.Builder builder(String prefix) {
        return builder().name(prefix, 0);
    }

    /** A started thread of this kind named {@code name} running {@code task} (a daemon if platform). */
    public Thread start(String name, Runnable task) {
        return builder().name(name).start(task);
    }
}
