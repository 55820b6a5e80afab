package course.stress;

import java.util.Arrays;
import java.util.Locale;

/** Stop latencies of many runs, in nanoseconds, summarised as p50, p99 and max. Not thread-safe. */
final class Latencies {
    private long[] values = new long[256];
    private int count;

    void add(long nanos) {
        if (count == values.length) {
            values = Arrays.copyOf(values, 2 * count);
        }
        values[count++] = nanos;
    }

    void addAll(Latencies other) {
        for (int i = 0; i < other.count; i++) {
            add(other.values[i]);
        }
    }

    int count() {
        return count;
    }

    /** The {@code p}-th percentile (0 to 100) by the nearest-rank method, in nanoseconds; 0 when empty. */
    long percentile(double p) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * count);
        return sorted[Math.clamp(rank - 1, 0, count - 1)];
    }

    /** {@code p50 / p99 / max} in milliseconds, or a dash when there is none. */
    String summary() {
        if (count == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2f / %.2f / %.2f ms", percentile(50) / 1e6, percentile(99) / 1e6,
                percentile(100) / 1e6);
    }
}
