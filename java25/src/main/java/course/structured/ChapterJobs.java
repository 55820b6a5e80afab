package course.structured;

import course.pool.Job;
import course.pool.Jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The chapter's batch: chapter 1's 10 doubling jobs, made slow enough to overlap and with one
 * that fails. Job {@code i} (id {@code "i"}) naps {@code (i + 1)} units through its context
 * (so a deadline or an interrupt stops it) and then doubles {@code i}; job {@value #FAILING}
 * is given the string {@code "10"} instead and fails with "wrong argument type" after its nap.
 *
 * <pre>{@code
 * var jobs = ChapterJobs.tenWithAFailure(Duration.ofMillis(20));   // naps of 20 to 200 ms
 * Duration deadline = ChapterJobs.deadline(Duration.ofMillis(20)); // 130 ms
 * }</pre>
 */
public final class ChapterJobs {
    /** How many jobs the batch has. */
    public static final int COUNT = 10;
    /** The id of the job that fails. */
    public static final int FAILING = 3;
    /** The deadline, in units: jobs whose nap is longer than this cannot finish before it. */
    public static final double DEADLINE_UNITS = 6.5;

    private ChapterJobs() {
    }

    /**
     * The 10 jobs, job {@code i} napping {@code (i + 1) * unit}.
     *
     * @throws IllegalArgumentException when {@code unit} is not positive
     */
    public static List<Job<Object, Integer>> tenWithAFailure(Duration unit) {
        checkUnit(unit);
        List<Job<Object, Integer>> jobs = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            Duration nap = unit.multipliedBy(i + 1);
            Object argument = i == FAILING ? "10" : (Object) i;
            jobs.add(Job.of(String.valueOf(i), Jobs.DOUBLE, argument, (ctx, arg) -> {
                ctx.sleep(nap);
                return Jobs.twice(ctx, arg);
            }));
        }
        return jobs;
    }

    /** The batch's deadline: {@value #DEADLINE_UNITS} units. */
    public static Duration deadline(Duration unit) {
        checkUnit(unit);
        return Duration.ofNanos(Math.round(unit.toNanos() * DEADLINE_UNITS));
    }

    private static void checkUnit(Duration unit) {
        Objects.requireNonNull(unit, "unit");
        if (unit.isNegative() || unit.isZero()) {
            throw new IllegalArgumentException("unit must be positive, got " + unit);
        }
    }
}
