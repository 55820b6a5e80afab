package course.structured;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.Joiner;
import java.util.concurrent.StructuredTaskScope.Subtask;

/**
 * A request id carried as a {@link ScopedValue} (JEP 506, final in JDK 25): the Java twin of a
 * value in Go's {@code context.WithValue}. {@link #REQUEST_ID} is bound for the extent of one
 * call ({@code ScopedValue.where(REQUEST_ID, id).run(...)}); every subtask forked in a
 * {@link StructuredTaskScope} inside that call sees the binding, and nothing outside it does:
 * there is no {@code remove} to forget, so it cannot leak into a pooled thread's next task
 * as a {@code ThreadLocal} can.
 *
 * <pre>{@code
 * List<String> seen = RequestIds.seenByForks("req-7", 3);   // [req-7, req-7, req-7]
 * String after = RequestIds.current();                        // "unbound"
 * }</pre>
 */
public final class RequestIds {
    /** The current request's id, bound by the code that serves the request. */
    public static final ScopedValue<String> REQUEST_ID = ScopedValue.newInstance();
    /** What {@link #current()} says when no request id is bound. */
    public static final String UNBOUND = "unbound";

    private RequestIds() {
    }

    /** The request id bound in this thread, or {@value #UNBOUND}. */
    public static String current() {
        return REQUEST_ID.orElse(UNBOUND);
    }

    /**
     * Binds {@code id}, forks {@code forks} subtasks in a structured scope, and returns what each
     * subtask read as {@link #current()}, in fork order.
     *
     * @throws IllegalArgumentException when {@code forks} is negative
     * @throws InterruptedException     when the calling thread is interrupted while it joins
     */
    public static List<String> seenByForks(String id, int forks) throws InterruptedException {
        Objects.requireNonNull(id, "id");
        if (forks < 0) {
            throw new IllegalArgumentException("forks must be at least 0, got " + forks);
        }
        return ScopedValue.where(REQUEST_ID, id).call(() -> {
            try (var scope = StructuredTaskScope.open(Joiner.<String>allSuccessfulOrThrow())) {
                for (int i = 0; i < forks; i++) {
                    scope.fork(RequestIds::current);
                }
                return scope.join().map(Subtask::get).toList();
            }
        });
    }
}
