/**
 * Chapter 8's bridge to JCStress and Lincheck: launching them in a child JVM (neither can see a
 * class defined in a notebook cell), streaming their progress, and reading their reports back.
 *
 * <p>The tests themselves are in the {@code prove/} module ({@code course-prove}); this package
 * finds its jar, runs it with {@link course.proof.ChildJvm}, and parses what it prints:
 * {@link course.proof.JcstressReport} (JCStress's outcome tables) and
 * {@link course.proof.LincheckReport} (a check's verdict and, on failure, Lincheck's interleaving).
 * {@link course.proof.Proofs} ties them together, with the settings of quick and full mode.
 *
 * <pre>{@code
 * JcstressReport races = Proofs.jcstress("LostResultsTests");   // streams progress, then parses
 * races.test("WrongClient").count("0");                         // samples where the client saw 0 results
 * LincheckReport broken = Proofs.lincheck("check-then-act-semaphore");
 * broken.passed();                                              // false, with broken.interleaving()
 * }</pre>
 */
package course.proof;
