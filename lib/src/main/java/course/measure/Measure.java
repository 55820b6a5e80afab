package course.measure;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * The course's one measuring helper for notebook cells: it runs something a few times,
 * checks that every run produced a valid result, and reports the wall times.
 *
 * <p>Notebook measurements are for seeing shapes (this grows, that stays flat). Numbers
 * quoted as results come from the JMH benchmarks instead. A run whose result fails the
 * check raises an error rather than producing a fast but wrong time.
 *
 * <pre>{@code
 * Timing t = Measure.time(3, () -> pool.runAll(jobs), results -> results.size() == jobs.size());
 * System.out.println(t);   // median 412.3 ms (min 401.0, max 430.9) over 3 runs
 * }</pre>
 */
public final class Measure {
    private Measure() {
    }

    /** The wall times of repeated runs, in milliseconds, sorted. */
    public record Timing(double[] millis) {
        public Timing {
            Objects.requireNonNull(millis, "millis");
            if (millis.length == 0) {
                throw new IllegalArgumentException("a timing needs at least one run");
            }
            millis = millis.clone();
            Arrays.sort(millis);
        }

        /** The median run, in milliseconds. */
        public double median() {
            int n = millis.length;
            return n % 2 == 1 ? millis[n / 2] : (millis[n / 2 - 1] + millis[n / 2]) / 2;
        }

        /** The fastest run, in milliseconds. */
        public double min() {
            return millis[0];
        }

        /** The slowest run, in milliseconds. */
        public double max() {
            return millis[millis.length - 1];
        }

        /** How many runs were timed. */
        public int runs() {
            return millis.length;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "median %.1f ms (min %.1f, max %.1f) over %d run%s",
                    median(), min(), max(), runs(), runs() == 1 ? "" : "s");
        }
    }

    /** Thrown when a measured run produced a result that failed its check. */
    public static final class InvalidResultException extends RuntimeException {
        InvalidResultException(String message) {
            super(message);
        }
    }

    /**
     * Runs {@code task} {@code runs} times and returns the wall times, after checking each
     * result with {@code valid}.
     *
     * @throws IllegalArgumentException when {@code runs} is not positive
     * @throws InvalidResultException   when a result fails the check
     * @throws RuntimeException         wrapping anything the task throws
     */
    public static <T> Timing time(int runs, Callable<T> task, Predicate<? super T> valid) {
        if (runs <= 0) {
            throw new IllegalArgumentException("runs must be positive, got " + runs);
        }
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(valid, "valid");
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            T result;
            try {
                result = task.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("measurement interrupted in run " + (i + 1), e);
            } catch (Exception e) {
                throw new IllegalStateException("measured run " + (i + 1) + " failed: " + e, e);
            }
            millis[i] = (System.nanoTime() - start) / 1e6;
            if (!valid.test(result)) {
                throw new InvalidResultException("run " + (i + 1) + " of " + runs
                        + " produced an invalid result: " + abbreviate(String.valueOf(result)));
            }
        }
        return new Timing(millis);
    }

    /** Runs {@code task} once and returns its wall time, after checking its result. */
    public static <T> Timing once(Callable<T> task, Predicate<? super T> valid) {
        return time(1, task, valid);
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
