/**
 * Chapter 8's proofs: the classes the two tools test, and the tests themselves.
 *
 * <p>JCStress tests ({@code @JCStressTest}) run the lost-results race of chapter 1 and two
 * memory-model races, wrong and right; Lincheck checks ({@link course.prove.LincheckChecks})
 * test {@code TokenSemaphore}, the pipeline's channel and a broken semaphore for
 * linearizability. {@link course.prove.ProveMain} runs them from the command line
 * ({@code make prove}); the chapter runs them in a child JVM through {@code course.proof} in the
 * library. Neither tool can see a class defined in a notebook cell, which is why they live here.
 */
package course.prove;
