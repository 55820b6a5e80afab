/**
 * The course's Jupyter kernel: {@link course.kernel.CourseKernel} evaluates cells with JShell in
 * the kernel's own JVM ({@link course.kernel.InProcessExecutionControl}), shows a chart that ends
 * a cell as a PNG, knows the {@link course.kernel.Magics}, and reports errors with their real
 * class; {@link course.kernel.KernelMain} starts it, and {@link course.kernel.RequestChannel}
 * reads requests in a blocking poll. The library is on its class path, not its module path.
 */
package course.kernel;
