/**
 * The course's Jupyter kernel: {@link course.kernel.CourseKernel} is its face to Jupyter and hands
 * each job to one class. {@link course.kernel.KernelShell} starts JShell in the kernel's own JVM
 * ({@link course.kernel.InProcessExecutionControl}); {@link course.kernel.CellEvaluator} evaluates a
 * cell, cutting it into snippets with {@link course.kernel.CellSplitter}, after the
 * {@link course.kernel.Magics}; {@link course.kernel.ExecuteRequests} answers execute and history
 * requests; {@link course.kernel.CodeAssist} completes and inspects code. A chart that ends a cell
 * shows as a PNG. Errors keep their real class ({@link course.kernel.KernelErrors} names them,
 * {@link course.kernel.ErrorFormatter} writes them, {@link course.kernel.Traces} trims their stack
 * traces, {@link course.kernel.CellPlaces} names a snippet's cell and line);
 * {@link course.kernel.KernelMain} starts the kernel, and {@link course.kernel.RequestChannel}
 * reads requests in a blocking poll. A cell's output
 * goes through {@link course.kernel.Streams} (coalesced, and kept to the last cell for threads that
 * outlive it), its displays through {@link course.kernel.Notebook}, and {@code System.exit} in a
 * cell becomes a {@link course.kernel.SystemExitError}. Its warnings go
 * to stderr (slf4j-simple, at WARN), which the Jupyter server shows in its log. The library, the
 * benchmark suite and JMH are on its class path (the kernelspec's, see tools/install-kernel.sh),
 * not its module path.
 */
package course.kernel;
