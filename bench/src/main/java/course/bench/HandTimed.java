package course.bench;

/**
 * The small workloads that chapter 6 times by hand, with {@code System.nanoTime()}, to show how a
 * stopwatch misleads: warm-up ({@link #roots}), dead code ({@link #discard} beside {@link #roots})
 * and profile pollution ({@link #spin} with one {@link Step}, then with several).
 *
 * <p>Why they live here and not in a notebook cell: the course kernel, like JShell, weaves a check
 * for "stop this cell" into every loop written in a cell, so that an interrupt can end a busy loop.
 * That check reads a shared flag on every iteration, which is itself a side effect: the JIT may no
 * longer delete the loop, and the very effects the chapter wants to show disappear. A harness that
 * changes what it measures is the chapter's point in miniature. Compiled here, the loops are plain
 * Java.
 *
 * <pre>{@code
 * double s = HandTimed.roots(20_000);          // the work, with a result
 * HandTimed.discard(20_000);                   // the same work, result unused
 * long x = HandTimed.spin(v -> v + 1, 20_000); // 20,000 calls through an interface
 * }</pre>
 */
public final class HandTimed {
    private HandTimed() {
    }

    /** One step of {@link #spin}: a call through an interface. */
    @FunctionalInterface
    public interface Step {
        long next(long x);
    }

    /** The sum of the square roots of 1 to {@code n}. */
    public static double roots(int n) {
        double s = 0;
        for (int i = 1; i <= n; i++) {
            s += Math.sqrt(i);
        }
        return s;
    }

    /** The square roots of 1 to {@code n}, each computed and thrown away. */
    public static void discard(int n) {
        for (int i = 1; i <= n; i++) {
            Math.sqrt(i);
        }
    }

    /** Applies {@code step} {@code n} times, starting from 0. */
    public static long spin(Step step, int n) {
        long x = 0;
        for (int i = 0; i < n; i++) {
            x = step.next(x);
        }
        return x;
    }
}
