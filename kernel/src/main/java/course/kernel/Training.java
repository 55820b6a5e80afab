package course.kernel;

import java.util.List;

/**
 * A short, representative session used to train the JVM's ahead-of-time cache: it starts
 * the kernel, evaluates the kinds of cells the course runs (including a chart), completes
 * and inspects code, and shuts down.
 */
final class Training {
    private Training() {
    }

    static void run() {
        CourseKernel kernel = new CourseKernel();
        kernel.install();
        try {
            for (String cell : List.of(
                    "1 + 1",
                    "int x = 40; x + 2",
                    "record P(int a, String b) {}\nnew P(1, \"one\")",
                    "List.of(1, 2, 3).stream().mapToInt(i -> i).sum()",
                    "var image = course.charts.Charts.line(\"t\", \"x\", \"y\").series(\"s\", new double[]{1, 2}, new double[]{3, 4}).image();\nimage",
                    "course.Course.describe()")) {
                Object value = kernel.evalRaw(cell);
                if (value != null) {
                    kernel.getRenderer().render(value);
                }
            }
            for (String bad : List.of("int y = nope;", "throw new IllegalStateException(\"x\");")) {
                try {
                    kernel.evalRaw(bad);
                } catch (RuntimeException expected) {
                    kernel.formatError(expected);
                }
            }
            kernel.complete("List.o", 6);
            kernel.inspect("String.valueOf(1)", 10, true);
            kernel.isComplete("int z = 1;");
        } finally {
            kernel.uninstall();
            kernel.close();
        }
    }
}
