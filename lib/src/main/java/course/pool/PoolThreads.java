package course.pool;

import course.concurrent.ThreadKind;
import course.concurrent.internal.Durations;
import course.concurrent.internal.Join;
import course.concurrent.internal.ThreadRegistry;
import course.concurrent.internal.Uninterruptibly;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The threads of one pool (generator, workers, any coordinator): started, counted in the pool
 * family's registry, and joined by the pool's bounded close, which {@link #close} carries out.
 */
final class PoolThreads {
    /** The pool's name, which the error of a close that gave up names. */
    private final String owner;
    private final ThreadKind kind;
    /** The pool family's registry of its threads still running, for leak checks. */
    private final ThreadRegistry registry;

    /** Guards the lists. Never held while blocking. */
    private final Object lock = new Object();
    /** Every thread started here, in the order they started. Guarded by lock. */
    private final List<Thread> all = new ArrayList<>();
    /** The workers among {@link #all}, which close may interrupt. Guarded by lock. */
    private final List<Thread> workers = new ArrayList<>();

    PoolThreads(String owner, ThreadKind kind, ThreadRegistry registry) {
        this.owner = owner;
        this.kind = kind;
        this.registry = registry;
    }

    /** Starts {@code task} on a thread named {@code name}, counted and joined with the others. */
    Thread start(String name, Runnable task, boolean worker) {
        Thread thread = registry.start(registry.unstarted(kind.builder().name(name), task));
        synchronized (lock) {
            all.add(thread);
            if (worker) {
                workers.add(thread);
            }
        }
        return thread;
    }

    /**
     * Waits, through interrupts, until every thread started here has ended; for a pool whose run
     * never started, whose only thread (the generator) has been told to stop and cannot but end.
     */
    void joinAll() {
        Join.all(since(0));
    }

    /**
     * The bounded close of a run that has been cancelled: reads {@code results} to its end,
     * discarding, so that no worker stays blocked on a full stream, interrupting the workers
     * after {@code nudge}, then joins every thread. Gives up when {@code grace} has passed.
     *
     * @throws IllegalStateException when a thread is still running after {@code grace}; the
     *                               message names it
     */
    void close(ResultStream<?> results, Duration nudge, Duration grace) {
        long begin = System.nanoTime();
        long graceNanos = Math.max(0, Durations.nanos(grace));
        long nudgeAt = begin + Math.min(nudge.toNanos(), graceNanos);
        long deadline = begin + graceNanos;
        boolean nudged = false;
        try (Uninterruptibly.Scope scope = Uninterruptibly.scope()) {   // restores an interrupt on return
            while (!results.ended()) {
                long now = System.nanoTime();
                if (!nudged && now - nudgeAt >= 0) {
                    interruptWorkers();
                    nudged = true;
                }
                long until = nudged ? deadline : nudgeAt;
                if (nudged && until - now <= 0) {
                    results.discardReady();   // what is there already needs no waiting
                    if (!results.ended()) {
                        throw stuck(grace);
                    }
                    break;
                }
                scope.call(() -> results.poll(Math.max(1, until - System.nanoTime())));
            }
            // A thread may start another (a coordinator its workers): join until no new one appears.
            for (int joined = 0; ; ) {
                List<Thread> next = since(joined);
                if (next.isEmpty()) {
                    break;
                }
                if (!Join.all(next, deadline)) {
                    throw stuck(grace);
                }
                joined += next.size();
            }
        }
    }

    private void interruptWorkers() {
        List<Thread> busy;
        synchronized (lock) {
            busy = List.copyOf(workers);
        }
        busy.forEach(Thread::interrupt);
    }

    /** The threads started from the {@code from}-th on. */
    private List<Thread> since(int from) {
        synchronized (lock) {
            return List.copyOf(all.subList(from, all.size()));
        }
    }

    /** The error close() throws when a thread outlives its grace, naming every such thread. */
    private IllegalStateException stuck(Duration grace) {
        return Join.gaveUp(owner, since(0), grace, "close() cancelled the run and interrupted its workers",
                "A job that ignores both its context and interrupts keeps its worker until it returns; "
                        + "the thread is a daemon and ends when the job does.");
    }
}
