package course.cqrs;

import java.time.Duration;
import java.util.Locale;

/**
 * How far a projection is behind its log: the measure of eventual consistency.
 *
 * @param eventsBehind        entries appended but not yet applied, over all partitions
 * @param oldestUnappliedAge  how long the oldest of them has been waiting; zero when none is
 */
public record Lag(long eventsBehind, Duration oldestUnappliedAge) {
    /** No lag at all. */
    public static final Lag NONE = new Lag(0, Duration.ZERO);

    /** Whether every appended entry has been applied. */
    public boolean caughtUp() {
        return eventsBehind == 0;
    }

    @Override
    public String toString() {
        return eventsBehind == 0 ? "caught up"
                : eventsBehind + " event" + (eventsBehind == 1 ? "" : "s") + " behind, oldest waiting "
                  + String.format(Locale.ROOT, "%.1f ms", oldestUnappliedAge.toNanos() / 1e6);
    }
}
