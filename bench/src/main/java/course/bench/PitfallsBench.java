package course.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/*
 * 0. Why a harness: two measurements that lie, beside the ones that do not.
 *
 * The JIT compiler is smarter than a stopwatch. Chapter 6 times these same expressions by hand
 * and then shows what JMH reports for them (after JMHSample_08_DeadCode and
 * JMHSample_10_ConstantFold in the JMH samples, with Math.sqrt in place of the samples' Math.log:
 * on current JDKs Math.log is a call into a runtime stub, which the JIT keeps even when its result
 * is unused, while Math.sqrt is a single machine instruction the JIT removes or folds freely):
 *
 *   - baseline: an empty method. What a call costs the harness itself.
 *   - deadCodeWrong: computes Math.sqrt(x) and throws the result away. The JIT sees that nothing
 *     uses it and removes the computation: the score drops to the baseline.
 *   - deadCodeRight: returns the result. JMH feeds every returned value to a Blackhole, so the
 *     computation must happen.
 *   - constantFoldWrong: Math.sqrt of a compile-time constant. The JIT computes it once, at
 *     compile time: the score is a load of a constant.
 *   - constantFoldRight: reads the input from a non-final field of the state, which the JIT
 *     cannot assume constant.
 *
 * Run it alone:
 *   make bench BENCH=PitfallsBench
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PitfallsBench {
    /** A constant the compiler may fold. */
    private static final double CONSTANT = Math.PI;
    /** The same value in a field the compiler must read each time. */
    private double x = Math.PI;

    @Benchmark
    public void baseline() {
        // intentionally empty
    }

    @Benchmark
    public void deadCodeWrong() {
        Math.sqrt(x);           // result unused: the JIT removes the call
    }

    @Benchmark
    public double deadCodeRight() {
        return Math.sqrt(x);    // returned, so JMH consumes it
    }

    @Benchmark
    public double constantFoldWrong() {
        return Math.sqrt(CONSTANT); // computed once, at compile time
    }

    @Benchmark
    public double constantFoldRight() {
        return Math.sqrt(x);
    }
}
