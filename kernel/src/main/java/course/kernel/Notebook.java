package course.kernel;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

import java.util.UUID;

/**
 * What a cell can call to show things as it runs (every cell imports these statically).
 * {@code display} shows a value (a chart, a table, text) as an output of the cell and returns
 * the output's id; {@code updateDisplay} replaces that output in place, so a long measurement
 * can redraw its chart or a progress line as it goes. Both work from any thread, also after
 * the cell that made the output has ended.
 *
 * <pre>{@code
 * String chart = display(Charts.line("progress", "run", "time (ms)").image());
 * for (int run = 1; run <= 10; run++) {
 *     ...
 *     updateDisplay(chart, Charts.line("progress", "run", "time (ms)").series("runs", xs, ys).image());
 * }
 * }</pre>
 */
public final class Notebook {
    private Notebook() {
    }

    /** Shows {@code value} as an output of the cell; returns the id that {@link #updateDisplay} takes. */
    public static String display(Object value) {
        return show(render(value));
    }

    /** Shows {@code value} rendered as the given MIME types (for example "text/html"); returns its id. */
    public static String display(Object value, String... types) {
        return show(render(value, types));
    }

    /** Replaces the output that {@link #display} made and named {@code id} with {@code value}. */
    public static void updateDisplay(String id, Object value) {
        update(id, render(value));
    }

    /** Replaces the output named {@code id} with {@code value}, rendered as the given MIME types. */
    public static void updateDisplay(String id, Object value, String... types) {
        update(id, render(value, types));
    }

    /** The display data that {@code value} is shown as. */
    public static DisplayData render(Object value) {
        return BaseKernel.notebookKernel().getRenderer().render(value);
    }

    /** The display data that {@code value} is shown as, in the given MIME types. */
    public static DisplayData render(Object value, String... types) {
        return BaseKernel.notebookKernel().getRenderer().renderAs(value, types);
    }

    private static String show(DisplayData data) {
        String id = data.getDisplayId();
        if (id == null) {
            id = UUID.randomUUID().toString();
            data.setDisplayId(id);
        }
        BaseKernel.notebookKernel().display(data);
        return id;
    }

    private static void update(String id, DisplayData data) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id must be the id that display(...) returned, not " + id);
        }
        data.setDisplayId(id);
        if (BaseKernel.notebookKernel() instanceof CourseKernel kernel) {
            kernel.updateDisplay(data);
        } else {
            BaseKernel.notebookKernel().getIO().display.updateDisplay(data);
        }
    }
}
