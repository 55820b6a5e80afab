package course.proof;

import course.exercises.Check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chapter 8's exercises. Each {@code check} method runs the learner's answer on known inputs and
 * returns a {@link Check}: {@code PASS ...}, or {@code NOT YET ...} saying what was expected. The
 * chapter's folded solution cells hold one answer to each.
 *
 * <pre>{@code
 * ProofExercises.checkGrades(outcome -> outcome.equals("1, 0") ? "interesting" : "acceptable")   // PASS: ...
 * }</pre>
 */
public final class ProofExercises {
    /** Exercise 1's outcomes: (r1, r2) = (y seen, x seen) for a writer of x = 1; y = 1 and a reader of y then x. */
    public static final List<String> OUTCOMES = List.of("0, 0", "0, 1", "1, 0", "1, 1");
    /** The grades exercise 1 accepts. */
    public static final List<String> GRADES = List.of("acceptable", "interesting", "forbidden");
    /** Exercise 3's claims, numbered from 1. */
    public static final List<String> CLAIMS = List.of(
            "In 2 million runs on this machine, two threads' incrementAndGet on one AtomicInteger never lost an increment.",
            "Every interleaving of up to 3 calls per thread on 2 threads of TokenSemaphore's tryAcquire and release "
                    + "matches some one-thread order, at the level of its reads, writes and locks.",
            "The worker pool never loses a result, for any number of workers and jobs.",
            "On this JVM and CPU, a reader can see a plain flag set before it sees the data written just before it.");
    /** The tools exercise 3 accepts. */
    public static final List<String> TOOLS = List.of("JCStress", "Lincheck", "neither");

    private static final Map<Integer, String> TOOL_OF_CLAIM = Map.of(1, "JCStress", 2, "Lincheck", 3, "neither", 4, "JCStress");

    private ProofExercises() {
    }

    /**
     * Exercise 1: grade each outcome of a plain-fields publication test (a writer sets x = 1,
     * then y = 1; a reader reads y into r1, then x into r2) as JCStress would: "acceptable" when
     * some interleaving explains it, "interesting" when only a reordering does.
     */
    public static Check checkGrades(Function<String, String> grade) {
        Objects.requireNonNull(grade, "grade");
        List<String> wrong = new ArrayList<>();
        for (String outcome : OUTCOMES) {
            String got = grade.apply(outcome);
            String want = outcome.equals("1, 0") ? "interesting" : "acceptable";
            if (!GRADES.contains(got)) {
                return Check.notYet("outcome " + outcome + ": '" + got + "' is not one of " + GRADES);
            }
            if (!got.equals(want)) {
                wrong.add(outcome + " is not " + got);
            }
        }
        if (!wrong.isEmpty()) {
            return Check.notYet(String.join("; ", wrong) + " (for each, look for an order of the four statements that gives it)");
        }
        return Check.pass("only 1, 0 needs y = 1 to become visible before x = 1: a reordering, the race the volatile flag forbids");
    }

    /**
     * Exercise 2: in the interleaving Lincheck printed for the check-then-act semaphore (1 slot),
     * how many slots does the semaphore count as in use once both {@code tryAcquire} calls have
     * returned true? The check reads the answer off {@code report}'s own trace: the last write
     * {@code inUse = n} in it.
     *
     * @throws IllegalArgumentException when the report has no write to inUse (it passed)
     */
    public static Check checkInUseAfterRace(LincheckReport report, int answer) {
        Objects.requireNonNull(report, "report");
        Matcher write = Pattern.compile("inUse = (\\d+)").matcher(report.interleaving());
        int last = -1;
        while (write.find()) {
            last = Integer.parseInt(write.group(1));
        }
        if (last < 0) {
            throw new IllegalArgumentException("the report of " + report.check() + " has no write to inUse");
        }
        if (answer == last) {
            return Check.pass(last + " in use of 1 slot, and both threads hold it: each passed the check "
                    + "while inUse was 0, before the other's write"
                    + (last == 1 ? ", and both wrote 1: a lost update on top" : ""));
        }
        return Check.notYet(answer + " is not it: follow the writes (inUse = ...) in the trace, in order, "
                + "and the read (inUse ➜ ...) that comes before each");
    }

    /** Exercise 3: for each claim of {@link #CLAIMS} (numbered from 1), the tool that can support it, or "neither". */
    public static Check checkTools(IntFunction<String> tool) {
        Objects.requireNonNull(tool, "tool");
        List<String> wrong = new ArrayList<>();
        for (int claim = 1; claim <= CLAIMS.size(); claim++) {
            String got = tool.apply(claim);
            if (!TOOLS.contains(got)) {
                return Check.notYet("claim " + claim + ": '" + got + "' is not one of " + TOOLS);
            }
            if (!got.equals(TOOL_OF_CLAIM.get(claim))) {
                wrong.add("claim " + claim + " is not " + got);
            }
        }
        if (!wrong.isEmpty()) {
            return Check.notYet(wrong.size() + " of " + CLAIMS.size() + " wrong: " + String.join("; ", wrong));
        }
        return Check.pass("JCStress samples a real JVM and CPU, Lincheck enumerates interleavings of a small "
                + "scenario, and neither generalises to any size");
    }
}
