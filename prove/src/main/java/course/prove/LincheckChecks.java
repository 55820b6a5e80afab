package course.prove;

import course.pipeline.ChannelLincheck;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;

import java.util.List;
import java.util.Optional;

/**
 * The chapter's Lincheck checks, by name, each run in model-checking mode: Lincheck generates
 * scenarios of a few operations on 2 threads and, for each, explores interleavings of them,
 * switching threads at every shared-memory access and lock, then asks whether each outcome
 * matches some one-thread order of the same operations (linearizability).
 *
 * <pre>{@code
 * Optional<String> failure = LincheckChecks.run("token-semaphore", 10, 1_000);
 * // empty: no interleaving found that breaks it; else Lincheck's report with the interleaving
 * }</pre>
 */
public final class LincheckChecks {
    /** The checks, by name: the two course structures, then the broken semaphore. */
    public static final List<String> NAMES = course.proof.Proofs.LINCHECK_NAMES;
    /** Threads per scenario. */
    public static final int THREADS = 2;
    /** Operations per thread: THREADS × this never exceeds {@link ChannelLincheck#PREFILLED}. */
    public static final int OPERATIONS_PER_THREAD = 3;

    private LincheckChecks() {
    }

    /**
     * Runs check {@code name} on {@code iterations} scenarios, exploring up to
     * {@code invocations} interleavings of each.
     *
     * @return empty when no interleaving broke linearizability; else Lincheck's report
     * @throws IllegalArgumentException when the name is unknown or a count is not positive
     */
    public static Optional<String> run(String name, int iterations, int invocations) {
        if (iterations <= 0 || invocations <= 0) {
            throw new IllegalArgumentException("iterations and invocations must be positive, got "
                    + iterations + " and " + invocations);
        }
        Class<?> test = switch (name) {
            case "token-semaphore" -> SemaphoreLincheck.class;
            case "channel" -> ChannelLincheck.class;
            case "check-then-act-semaphore" -> BrokenSemaphoreLincheck.class;
            default -> throw new IllegalArgumentException("name must be one of " + NAMES + ", got " + name);
        };
        try {
            new ModelCheckingOptions()
                    .iterations(iterations)
                    .invocationsPerIteration(invocations)
                    .threads(THREADS)
                    .actorsPerThread(OPERATIONS_PER_THREAD)
                    .actorsBefore(0)
                    .actorsAfter(0)
                    .check(test);
            return Optional.empty();
        } catch (AssertionError failure) {
            return Optional.of(String.valueOf(failure.getMessage()));
        }
    }
}
