package course.kernel;

/**
 * The one {@link CourseKernel} that the kernel's unit tests share: started (and installed, so
 * that {@code display(...)} reaches it) by the first test class that asks, closed when the test
 * JVM ends. Starting JShell takes seconds, so the test classes do not each start their own.
 */
final class TestKernel {
    /** Started on first use; never replaced. */
    private static CourseKernel kernel;

    private TestKernel() {
    }

    /** The shared kernel, ready to evaluate. */
    static synchronized CourseKernel get() {
        if (kernel == null) {
            CourseKernel started = new CourseKernel();
            started.install();
            started.awaitReady();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.uninstall();
                started.close();
            }, "test-kernel-close"));
            kernel = started;
        }
        return kernel;
    }
}
