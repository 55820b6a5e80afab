package course.exercises;

import java.util.Objects;

/**
 * The outcome of a self-checking exercise: whether the learner's attempt passed, and a friendly
 * message for the notebook (also its {@code toString}), which starts with {@code PASS:} or
 * {@code NOT YET:}. Every check of the chapters' exercise classes ({@code PoolExercises},
 * {@code SemaphoreExercises}, {@code PipelineExercises}, {@code CqrsExercises},
 * {@code ResultsExercises}) returns it, so every check cell prints the same way.
 *
 * <pre>{@code
 * Check ok = Check.pass("retry gives up after n attempts");   // PASS: retry gives up after n attempts
 * Check no = Check.notYet("the job ran 4 times, not 3");      // NOT YET: the job ran 4 times, not 3
 * }</pre>
 *
 * @param passed  whether the attempt behaved as asked
 * @param message what to tell the learner
 */
public record Check(boolean passed, String message) {
    /** @throws NullPointerException when {@code message} is null */
    public Check {
        Objects.requireNonNull(message, "message");
    }

    /** A passing check whose message is {@code "PASS: " + what}. */
    public static Check pass(String what) {
        return new Check(true, "PASS: " + what);
    }

    /** A failing check whose message is {@code "NOT YET: " + why}. */
    public static Check notYet(String why) {
        return new Check(false, "NOT YET: " + why);
    }

    @Override
    public String toString() {
        return message;
    }
}
