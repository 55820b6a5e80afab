package course.pipeline;

import course.testing.Delays;
import course.testing.NoThreadsLeft;
import course.testing.TestThreads;

import java.time.Duration;
import java.util.List;

/** Test helper: counts the live threads that pipelines started, and waits (boundedly) for them to end. */
final class LiveThreads {
    /** The longest any test waits for threads to end after a stop: generous, for a loaded machine. */
    static final Duration GRACE = Delays.LONG;

    private LiveThreads() {
    }

    /** Names of live platform threads whose name starts with the pipeline prefix. */
    static List<String> platform() {
        return TestThreads.aliveNames(Pipeline.THREAD_PREFIX);
    }

    /** Live pipeline threads of both kinds (the registry sees virtual threads too). */
    static int count() {
        return Math.max(platform().size(), Pipeline.liveThreads().size());
    }

    /**
     * Waits up to {@link #GRACE} until at most {@code expected} pipeline threads are alive and
     * returns how many are; the caller asserts on it.
     */
    static long awaitAtMost(long expected) throws InterruptedException {
        return NoThreadsLeft.awaitAtMost(expected, LiveThreads::count, GRACE);
    }

    /** A description of what is alive, for assertion messages. */
    static String describe() {
        return "platform " + platform() + ", registry " + Pipeline.liveThreads();
    }
}
