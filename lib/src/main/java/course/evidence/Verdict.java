package course.evidence;

/**
 * How a measured value compares with what a cell expected. Each verdict has the fixed phrase that
 * an {@link Observation} prints after its dash, which the course's notebook check looks for.
 */
public enum Verdict {
    /** The measured value is inside the expected range. */
    AS_EXPECTED("as expected"),
    /** The measured value is outside the expected range on this run. */
    NOT_AS_EXPECTED("not as expected"),
    /** The run was too small for its value to mean anything (quick mode). */
    TOO_SMALL_TO_JUDGE("too small to judge");

    private final String phrase;

    Verdict(String phrase) {
        this.phrase = phrase;
    }

    /** The words an observation prints for this verdict. */
    public String phrase() {
        return phrase;
    }
}
