package course.pool;

import course.concurrent.Context;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Ready-made jobs and batches for the chapter's demos, measurements and tests.
 *
 * <ul>
 *   <li>{@link #doubling(int)}: the Go original's demo, job {@code i} doubles {@code i}.</li>
 *   <li>{@link #doubleJob(String, Object)}: one doubling job whose argument may be of the wrong
 *       type; it then fails with {@value #WRONG_ARGUMENT_TYPE}, as in the original.</li>
 *   <li>{@link #sleeping(int, Duration)}: I/O-bound jobs that wait (honouring the context).</li>
 *   <li>{@link #spinning(int, long)}: CPU-bound jobs that compute (checking the context now and then).</li>
 * </ul>
 *
 * <pre>{@code
 * List<Job<Integer, Integer>> batch = Jobs.doubling(10);   // ids "0".."9", values 0, 2, .., 18
 * List<Job<Integer, Integer>> naps  = Jobs.sleeping(12, Duration.ofMillis(100));
 * }</pre>
 */
public final class Jobs {
    /** The message of a doubling job given something other than an integer, as in the Go original. */
    public static final String WRONG_ARGUMENT_TYPE = "wrong argument type";
    /** The type of the doubling jobs. */
    public static final String DOUBLE = "double";
    /** The type of the sleeping jobs. */
    public static final String SLEEP = "sleep";
    /** The type of the spinning jobs. */
    public static final String SPIN = "spin";

    private Jobs() {
    }

    /** The doubling function: an {@code Integer} argument doubled, anything else a failure. */
    public static Integer twice(Context ctx, Object argument) {
        ctx.throwIfDone();
        if (!(argument instanceof Integer n)) {
            throw new IllegalArgumentException(WRONG_ARGUMENT_TYPE + ": expected an integer, got "
                    + (argument == null ? "null" : argument.getClass().getSimpleName() + " " + quoted(argument)));
        }
        return n * 2;
    }

    /**
     * The original demo batch: {@code count} jobs, job {@code i} has id {@code "i"} and doubles {@code i}.
     *
     * @throws IllegalArgumentException when {@code count} is negative
     */
    public static List<Job<Integer, Integer>> doubling(int count) {
        requireCount(count);
        List<Job<Integer, Integer>> batch = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            batch.add(new Job<>(new JobDescriptor(Integer.toString(i), DOUBLE, Map.of()), Jobs::twice, i));
        }
        return batch;
    }

    /** One doubling job with any argument; a non-integer makes it fail with {@value #WRONG_ARGUMENT_TYPE}. */
    public static Job<Object, Integer> doubleJob(String id, Object argument) {
        return new Job<>(new JobDescriptor(id, DOUBLE, Map.of()), Jobs::twice, argument);
    }

    /**
     * {@code count} jobs that each sleep for {@code each} (waking early if the context is done)
     * and return their index.
     *
     * @throws IllegalArgumentException when {@code count} or {@code each} is negative
     */
    public static List<Job<Integer, Integer>> sleeping(int count, Duration each) {
        requireCount(count);
        Objects.requireNonNull(each, "each");
        if (each.isNegative()) {
            throw new IllegalArgumentException("sleep duration must not be negative, got " + each);
        }
        List<Job<Integer, Integer>> batch = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            batch.add(new Job<>(new JobDescriptor(Integer.toString(i), SLEEP, Map.of("millis", each.toMillis())),
                    (ctx, n) -> {
                        ctx.sleep(each);
                        return n;
                    }, i));
        }
        return batch;
    }

    /**
     * {@code count} CPU-bound jobs that each run {@code iterations} steps of a pseudo-random
     * number generator and return the final value (so the work cannot be optimised away). They
     * check the context every 65,536 steps.
     *
     * @throws IllegalArgumentException when {@code count} or {@code iterations} is negative
     */
    public static List<Job<Integer, Long>> spinning(int count, long iterations) {
        requireCount(count);
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must not be negative, got " + iterations);
        }
        List<Job<Integer, Long>> batch = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            batch.add(new Job<>(new JobDescriptor(Integer.toString(i), SPIN, Map.of("iterations", iterations)),
                    (ctx, seed) -> spin(ctx, seed, iterations), i));
        }
        return batch;
    }

    /** The spinning jobs' work: {@code iterations} xorshift steps from {@code seed}. */
    public static long spin(Context ctx, long seed, long iterations) {
        long x = seed * 0x9E3779B97F4A7C15L + 1;
        for (long i = 0; i < iterations; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            if ((i & 0xFFFF) == 0) {
                ctx.throwIfDone();
            }
        }
        return x;
    }

    private static void requireCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("job count must not be negative, got " + count);
        }
    }

    private static String quoted(Object value) {
        return value instanceof CharSequence ? "\"" + value + "\"" : String.valueOf(value);
    }
}
