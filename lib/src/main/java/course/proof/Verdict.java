package course.proof;

import java.util.Objects;

/**
 * What one test of chapter 8 was expected to show and whether it did: a right version must never
 * show its bad outcome, a broken one must show it (an expected failure), and a race the hardware
 * may hide is reported either way.
 *
 * <pre>{@code
 * Verdict v = Verdict.of("LostResultsTests.RightClient", "JCStress", Verdict.Kind.RIGHT, false, "0 of 2,292,566 samples missed results");
 * v.asExpected();   // true
 * }</pre>
 *
 * @param test   the test's name
 * @param tool   "JCStress" or "Lincheck"
 * @param kind   what it is expected to show
 * @param bad    whether it showed its bad outcome (a forbidden or interesting outcome, a failed check)
 * @param detail what it showed, in words
 */
public record Verdict(String test, String tool, Kind kind, boolean bad, String detail) {
    /** What a test is expected to show. */
    public enum Kind {
        /** A right version: its bad outcome must never appear. */
        RIGHT,
        /** A broken version: its bad outcome must appear; not seeing it means the tool missed it. */
        BROKEN,
        /** A broken version whose bad outcome the hardware or the JIT may hide: either way is reported. */
        MAY_SHOW
    }

    /** Checks the arguments. */
    public Verdict {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    /** Same as the constructor. */
    public static Verdict of(String test, String tool, Kind kind, boolean bad, String detail) {
        return new Verdict(test, tool, kind, bad, detail);
    }

    /** Whether the test showed what it should: a right one nothing bad, a broken one its failure. */
    public boolean asExpected() {
        return switch (kind) {
            case RIGHT -> !bad;
            case BROKEN -> bad;
            case MAY_SHOW -> true;
        };
    }

    /** One line for a log: {@code "ok   JCStress LostResultsTests.RightClient (right): ..."}. */
    @Override
    public String toString() {
        String expected = switch (kind) {
            case RIGHT -> "right";
            case BROKEN -> "broken, expected to fail";
            case MAY_SHOW -> "broken, may not show here";
        };
        return (asExpected() ? "ok   " : "FAIL ") + tool + " " + test + " (" + expected + "): " + detail;
    }
}
