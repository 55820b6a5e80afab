package course.results;

import java.util.List;

/**
 * The mean of a few measurements and the half-width of its 99.9% confidence interval, computed
 * as JMH computes a score's error: Student's t quantile at 0.9995 for n − 1 degrees of freedom,
 * times the standard deviation, divided by √n.
 *
 * <p>The course needs it where JMH gives no error: an {@code @AuxCounters} events counter, whose
 * score JMH writes as the sum of its iterations with the error {@code NaN}.
 *
 * <pre>{@code
 * Interval.mean(List.of(10.0, 12.0, 11.0))            // 11.0
 * Interval.halfWidth(List.of(10.0, 12.0, 11.0))       // 31.6 × 1.0 / √3 = 18.2
 * }</pre>
 */
final class Interval {
    /** t at 0.9995 for 1 to 30 degrees of freedom (index 0 is 1). */
    private static final double[] T_9995 = {636.619, 31.599, 12.924, 8.610, 6.869, 5.959, 5.408, 5.041, 4.781,
        4.587, 4.437, 4.318, 4.221, 4.140, 4.073, 4.015, 3.965, 3.922, 3.883, 3.850, 3.819, 3.792, 3.768, 3.745,
        3.725, 3.707, 3.690, 3.674, 3.659, 3.646};
    /** The normal distribution's quantile at 0.9995, the limit of t. */
    private static final double Z_9995 = 3.2905;

    private Interval() {
    }

    /** The mean; NaN for no values. */
    static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** The 99.9% half-width of the mean; NaN for fewer than two values, as JMH. */
    static double halfWidth(List<Double> values) {
        int n = values.size();
        if (n < 2) {
            return Double.NaN;
        }
        double mean = mean(values);
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return t(n - 1) * Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
    }

    /** Student's t quantile at 0.9995: the table to 30 degrees of freedom, then a Cornish-Fisher expansion. */
    static double t(int df) {
        if (df < 1) {
            throw new IllegalArgumentException("df: expected at least 1 degree of freedom, found " + df);
        }
        if (df <= T_9995.length) {
            return T_9995[df - 1];
        }
        double z = Z_9995;
        return z + (z * z * z + z) / (4.0 * df) + (5 * Math.pow(z, 5) + 16 * z * z * z + 3 * z) / (96.0 * df * df);
    }
}
