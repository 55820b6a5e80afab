package course.structured;

import course.exercises.Check;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The checks of chapter 7's exercises. Each runs the learner's attempt on a small case and
 * returns a {@link Check} (PASS or NOT YET, with a hint).
 *
 * <pre>{@code
 * Java25Exercises.checkFastest(mirrors -> fastest(mirrors))
 * }</pre>
 */
public final class Java25Exercises {
    /** The learner's answer to exercise 1: the first mirror to answer, the others cancelled. */
    @FunctionalInterface
    public interface Fastest {
        String fastest(List<Callable<String>> mirrors) throws Exception;
    }

    /** The learner's answer to exercise 2: runs {@code body} with {@code requestId} bound. */
    @FunctionalInterface
    public interface Handler {
        String handle(String requestId, Callable<String> body) throws Exception;
    }

    private static final Duration UNIT = Duration.ofMillis(40);

    private Java25Exercises() {
    }

    /**
     * Exercise 1: three mirrors, one that fails at once, one that answers "b" after a short nap,
     * one that would answer "c" after a long one. PASS when the answer is "b", the slow mirror
     * was interrupted and no mirror's thread outlives the call.
     */
    public static Check checkFastest(Fastest attempt) {
        Objects.requireNonNull(attempt, "attempt");
        var slowInterrupted = new AtomicBoolean();
        var threads = new java.util.concurrent.ConcurrentLinkedQueue<Thread>();
        List<Callable<String>> mirrors = List.of(
                () -> { threads.add(Thread.currentThread()); throw new IllegalStateException("mirror a is down"); },
                () -> { threads.add(Thread.currentThread()); Thread.sleep(UNIT); return "b"; },
                () -> {
                    threads.add(Thread.currentThread());
                    try {
                        Thread.sleep(UNIT.multipliedBy(50));
                    } catch (InterruptedException e) {
                        slowInterrupted.set(true);
                        throw e;
                    }
                    return "c";
                });
        String answer;
        try {
            answer = attempt.fastest(mirrors);
        } catch (Exception e) {
            return Check.notYet("your attempt threw " + e + ". Hint: Joiner.anySuccessfulResultOrThrow() ignores a failure while another subtask may still succeed.");
        }
        boolean left = threads.stream().anyMatch(Thread::isAlive);
        if (!"b".equals(answer)) {
            return Check.notYet("the answer was " + answer + ", not the fastest mirror's \"b\"");
        }
        if (threads.size() < 3) {
            return Check.notYet("only " + threads.size() + " of the 3 mirrors were asked: fork each one");
        }
        if (!slowInterrupted.get() || left) {
            return Check.notYet("the slow mirror was not cancelled before your method returned"
                    + (left ? " (its thread was still running)" : "") + ". Hint: open the scope with try-with-resources.");
        }
        return Check.pass("the fastest mirror answered and the slow one was cancelled; no thread outlived the call");
    }

    /**
     * Exercise 2: a single pooled thread serves two requests. The first runs through the
     * learner's handler with "req-1", its body forking a subtask that reads the id; the second is
     * served without a handler. PASS when the fork saw "req-1" and the second request sees no id.
     */
    public static Check checkHandler(Handler attempt) throws Exception {
        Objects.requireNonNull(attempt, "attempt");
        try (ExecutorService pooled = Executors.newSingleThreadExecutor()) {
            String first = pooled.submit(() -> attempt.handle("req-1", () -> {
                try (var scope = java.util.concurrent.StructuredTaskScope.open(
                        java.util.concurrent.StructuredTaskScope.Joiner.<String>anySuccessfulResultOrThrow())) {
                    scope.fork(RequestIds::current);
                    return scope.join();
                }
            })).get();
            String second = pooled.submit(RequestIds::current).get();
            if (!"req-1".equals(first)) {
                return Check.notYet("the subtask forked by the first request saw '" + first
                        + "', not 'req-1'. Hint: ScopedValue.where(RequestIds.REQUEST_ID, requestId).call(body).");
            }
            if (!RequestIds.UNBOUND.equals(second)) {
                return Check.notYet("the next request on the same pooled thread saw '" + second + "'");
            }
            return Check.pass("the fork saw req-1, and the pooled thread's next request saw no id");
        }
    }

    /**
     * Exercise 3: predict how many {@code jdk.VirtualThreadPinned} events 6 virtual threads give
     * when each naps once inside {@code synchronized}, and when each naps once under a native frame.
     */
    public static Check checkPinnedPrediction(int synchronizedEvents, int nativeFrameEvents) throws InterruptedException {
        var sync = PinningProbe.run(PinningProbe.Scenario.SYNCHRONIZED, 6, UNIT);
        var nat = PinningProbe.run(PinningProbe.Scenario.NATIVE_FRAME, 6, UNIT);
        int s = sync.pinnedEvents().size();
        int n = nat.pinnedEvents().size();
        if (synchronizedEvents == s && nativeFrameEvents == n) {
            return Check.pass(s + " pinned events inside synchronized, " + n + " under the native frame, as you predicted");
        }
        return Check.notYet("you predicted " + synchronizedEvents + " and " + nativeFrameEvents
                + ". Hint: since JDK 24 (JEP 491) does a monitor pin? Can the JVM unmount a thread with a native frame on its stack?");
    }
}
