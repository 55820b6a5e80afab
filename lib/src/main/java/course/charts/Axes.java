package course.charts;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The course's axes: a logarithmic axis ticked at 1-2-5 steps in plain numbers, linear axes with
 * whole-number ticks for counts, and the rule that picks a log scale by itself when the data span
 * more than two decades.
 */
public final class Axes {
    /** Data spanning more than this ratio (two decades) get a log axis unless told otherwise. */
    static final double LOG_SPAN = 100;

    private Axes() {
    }

    /** A logarithmic axis ticked at 1, 2 and 5 times each power of ten, labelled in plain numbers. */
    public static LogAxis log(String label) {
        return new PlainLogAxis(label);
    }

    /**
     * A logarithmic axis ticked at exactly the given values: for counts on a log scale (threads
     * 2, 4, 8, 16), whose ticks should be the counts that were measured, not 2, 5, 10.
     */
    static LogAxis logAt(String label, double[] values) {
        return new PlainLogAxis(label, java.util.Arrays.stream(values).distinct().sorted().boxed().toList());
    }

    /** A linear axis; its ticks are whole numbers when {@code counts} is true. */
    public static NumberAxis linear(String label, boolean counts) {
        NumberAxis axis = new NumberAxis(label);
        axis.setNumberFormatOverride(plainFormat());
        if (counts) {
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        return axis;
    }

    /** Whether values with this minimum and maximum should go on a log axis by default. */
    static boolean wantsLog(double min, double max) {
        return min > 0 && max / min > LOG_SPAN;
    }

    /** Whether every value is a whole number, so a linear axis should tick at whole numbers. */
    static boolean allWhole(double[] values) {
        for (double v : values) {
            if (v != Math.rint(v)) {
                return false;
            }
        }
        return true;
    }

    /** The tick values of a 1-2-5 log axis over [lower, upper]; fewer steps per decade on wide ranges. */
    static List<Double> logTicks(double lower, double upper) {
        if (!(lower > 0) || !(upper >= lower)) {
            return List.of();
        }
        double decades = Math.log10(upper / lower);
        double[] steps = decades > 4 ? new double[]{1} : decades > 2.2 ? new double[]{1, 3}
                : decades > 0.9 ? new double[]{1, 2, 5} : new double[]{1, 1.5, 2, 3, 4, 5, 6, 7, 8, 9};
        int stride = decades > 8 ? 2 : 1;
        List<Double> ticks = new ArrayList<>();
        int first = (int) Math.floor(Math.log10(lower));
        int last = (int) Math.ceil(Math.log10(upper));
        for (int d = first; d <= last; d++) {
            if (Math.floorMod(d, stride) != 0) {
                continue;
            }
            for (double s : steps) {
                double v = Double.parseDouble(s + "E" + d);   // exact decimal, no 0.30000000000000004
                if (v >= lower * (1 - 1e-9) && v <= upper * (1 + 1e-9)) {
                    ticks.add(v);
                }
            }
        }
        return ticks;
    }

    static DecimalFormat plainFormat() {
        return new DecimalFormat("#,##0.########", DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    /** Copies the label fonts of {@code from} onto {@code to}. */
    static <A extends ValueAxis> A sameFonts(ValueAxis from, A to) {
        to.setLabelFont(from.getLabelFont());
        to.setTickLabelFont(from.getTickLabelFont());
        return to;
    }

    /** A log axis whose ticks fall at 1-2-5 steps, labelled 0.5, 1, 2, 5, 10, 1,000 rather than powers. */
    private static final class PlainLogAxis extends LogAxis {
        private final DecimalFormat format = plainFormat();
        /** The values to tick at, or null for 1-2-5 steps. */
        private final List<Double> fixed;

        PlainLogAxis(String label) {
            this(label, null);
        }

        PlainLogAxis(String label, List<Double> fixed) {
            super(label);
            this.fixed = fixed;
            setNumberFormatOverride(format);
            setMinorTickMarksVisible(false);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
            TextAnchor anchor = edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER
                    : edge == RectangleEdge.BOTTOM ? TextAnchor.TOP_CENTER
                    : edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT;
            List<NumberTick> ticks = new ArrayList<>();
            List<Double> values = fixed != null ? fixed : logTicks(getLowerBound(), getUpperBound());
            for (double v : values) {
                ticks.add(new NumberTick(TickType.MAJOR, v, format.format(v), anchor, anchor, 0.0));
            }
            return ticks;
        }
    }
}
