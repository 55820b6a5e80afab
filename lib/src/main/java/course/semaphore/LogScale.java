package course.semaphore;

import course.charts.Charts;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;

import java.awt.image.BufferedImage;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Objects;

/**
 * Renders a {@link Charts.LineChart} with logarithmic axes labelled in plain numbers
 * (1, 2, 4, 8 or 100, 1,000, 10,000) instead of powers, for the chapter's "as the permits
 * double" charts.
 *
 * <pre>{@code
 * LogScale.image(Charts.line("Throughput", "permits", "jobs per second")
 *         .series("measured", permits, jobsPerSecond), 2, 10);   // x in powers of 2, y in powers of 10
 * }</pre>
 */
public final class LogScale {
    private LogScale() {
    }

    /**
     * Renders {@code line} with each axis logarithmic in the given base, or linear when the
     * base is 0. Ticks fall on the powers of the base.
     *
     * @throws IllegalArgumentException when a base is neither 0 nor at least 2
     */
    public static BufferedImage image(Charts.LineChart line, int xBase, int yBase) {
        Objects.requireNonNull(line, "line");
        requireBase("x", xBase);
        requireBase("y", yBase);
        JFreeChart chart = line.chart();
        XYPlot plot = chart.getXYPlot();
        if (xBase != 0) {
            plot.setDomainAxis(logAxis(plot.getDomainAxis(), xBase));
        }
        if (yBase != 0) {
            plot.setRangeAxis(logAxis(plot.getRangeAxis(), yBase));
        }
        return Charts.render(chart);
    }

    private static LogAxis logAxis(ValueAxis old, int base) {
        LogAxis axis = new LogAxis(old.getLabel());
        axis.setBase(base);
        axis.setTickUnit(new NumberTickUnit(1));             // one tick per power of the base
        axis.setMinorTickCount(base == 2 ? 1 : 9);
        axis.setMinorTickMarksVisible(true);
        axis.setNumberFormatOverride(new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        axis.setLabelFont(old.getLabelFont());
        axis.setTickLabelFont(old.getTickLabelFont());
        return axis;
    }

    private static void requireBase(String axis, int base) {
        if (base != 0 && base < 2) {
            throw new IllegalArgumentException("the " + axis + " axis base must be 0 (linear) or at least 2, got " + base);
        }
    }
}
