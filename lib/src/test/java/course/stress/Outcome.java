package course.stress;

import java.util.ArrayList;
import java.util.List;

/** What one run of a scenario found: its settings, its violations and, if it was stopped, how long the stop took. */
final class Outcome {
    /** No stop latency: the run was not stopped, or it ended before the stop came. */
    static final long NOT_STOPPED = -1;

    private final List<String> violations = new ArrayList<>();
    private String settings = "";
    private long stopLatencyNanos = NOT_STOPPED;

    /** Records the run's settings, for the report of a violation. */
    void settings(String settings) {
        this.settings = settings;
    }

    String settings() {
        return settings;
    }

    /** Records a violation unless {@code ok}. */
    void check(boolean ok, String what) {
        if (!ok) {
            violations.add(what);
        }
    }

    void violation(String what) {
        violations.add(what);
    }

    List<String> violations() {
        return violations;
    }

    /** Records how long the run took to end after it was told to stop. */
    void stopLatency(long nanos) {
        this.stopLatencyNanos = Math.max(0, nanos);
    }

    long stopLatencyNanos() {
        return stopLatencyNanos;
    }
}
