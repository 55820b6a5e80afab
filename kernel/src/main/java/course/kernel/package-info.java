/**
 * The course's Jupyter kernel: {@link course.kernel.CourseKernel} evaluates cells with JShell in
 * the kernel's own JVM ({@link course.kernel.InProcessExecutionControl}), cutting each cell into
 * snippets with {@link course.kernel.CellSplitter}, shows a chart that ends a cell as a PNG, knows
 * the {@link course.kernel.Magics}, and reports errors with their real class
 * ({@link course.kernel.KernelErrors} names them, {@link course.kernel.ErrorFormatter} writes them,
 * {@link course.kernel.Traces} trims their stack traces); {@link course.kernel.KernelMain} starts
 * it, and {@link course.kernel.RequestChannel} reads requests in a blocking poll. A cell's output
 * goes through {@link course.kernel.Streams} (coalesced, and kept to the last cell for threads that
 * outlive it), its displays through {@link course.kernel.Notebook}, and {@code System.exit} in a
 * cell becomes a {@link course.kernel.SystemExitError}. Its warnings go
 * to stderr (slf4j-simple, at WARN), which the Jupyter server shows in its log. The library, the
 * benchmark suite and JMH are on its class path (the kernelspec's, see tools/install-kernel.sh),
 * not its module path.
 */
package course.kernel;
