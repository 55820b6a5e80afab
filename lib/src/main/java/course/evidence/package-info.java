/**
 * Measured statements: what a cell expected, what it measured, and a verdict computed from the
 * two, printed as one line that a reader (and the course's static notebook check) can trust.
 *
 * <p>A chapter's prose never quotes a number that the reader's machine produces; it says what to
 * look for and points at the {@link course.evidence.Observation} its measurement prints.
 */
package course.evidence;
