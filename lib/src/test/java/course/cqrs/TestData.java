package course.cqrs;

import course.pool.WorkerPool;
import course.testing.Delays;
import course.testing.NoThreadsLeft;

import java.time.Duration;
import java.util.List;

/** Shared helpers for the cqrs tests: small commands, and a bounded check for leaked threads. */
final class TestData {
    /** The longest a test waits for anything asynchronous; generous, for a loaded 2-core machine. */
    static final Duration PATIENCE = Delays.LONG;

    private TestData() {
    }

    static CreateArticle create(String user, String url, String... tags) {
        return new CreateArticle(user, url, List.of(tags), List.of(Paragraph.of("Some text about " + url, "notes")));
    }

    static UpdateArticle update(long id, String... tags) {
        return new UpdateArticle(id, List.of(tags), List.of(Paragraph.of("Updated text.", "edited")));
    }

    /** Live threads started by chapter 1's worker pools (the projector's and the load's consumers). */
    static long poolThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith(WorkerPool.THREAD_PREFIX))
                .count();
    }

    /** Waits, bounded, until at most {@code expected} pool threads are alive; returns how many are. */
    static long awaitPoolThreadsAtMost(long expected) throws InterruptedException {
        return NoThreadsLeft.awaitAtMost(expected, TestData::poolThreads, PATIENCE);
    }
}
