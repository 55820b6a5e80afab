package course.charts;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.util.Hashtable;
import java.util.Objects;

/**
 * The course's one chart layer: every chart in every chapter is built here, with JFreeChart, and
 * returned as an image. The course's kernel shows any {@code RenderedImage} that ends a cell as a
 * PNG, so a chart is the last expression of its cell.
 *
 * <ul>
 *   <li>{@link #line}: measured series on numeric axes, with grey reference curves and lines,
 *       optional error bars, steps for counts over time ({@link LineChart}).</li>
 *   <li>{@link #bar}: grouped bars with optional error bars and values printed on them ({@link BarChart}).</li>
 *   <li>{@link #render}: any JFreeChart a chapter builds for itself (a Gantt chart), at the course's
 *       size and look, checked by the same rules.</li>
 * </ul>
 *
 * <p>The rules every chart follows: a title that fits on one line (a longer one is rejected),
 * axis labels that say their unit, a legend when there is more than one series, data in
 * colour and references in dashed grey ({@link ChartStyle}), log axes at 1-2-5 steps chosen by
 * themselves when the data span more than two decades, and whole-number ticks for counts
 * ({@link Axes}).
 *
 * <pre>{@code
 * Charts.line("Five jobs on N workers", "workers", "time (job lengths)")
 *       .reference("ideal: waves of N jobs", workers, ideal)
 *       .series("measured", workers, measured)
 *       .yFrom(0)
 *       .image();
 * }</pre>
 */
public final class Charts {
    /** Width of every chart, in pixels. */
    public static final int WIDTH = 720;
    /** Height of every chart, in pixels. */
    public static final int HEIGHT = 400;
    /**
     * Image pixels per display pixel: every chart is drawn at twice its size and shown at its size,
     * so it stays sharp on a high-density screen and in the exported site.
     */
    public static final int SCALE = 2;
    /**
     * The image property that names the width, in display pixels, to show a chart at. The course's
     * kernel sends it with the PNG as its {@code width}.
     */
    public static final String DISPLAY_WIDTH = "display.width";

    private Charts() {
    }

    /** Starts a line chart: one or more measured (x, y) series on numeric axes. */
    public static LineChart line(String title, String xLabel, String yLabel) {
        return new LineChart(title, xLabel, yLabel);
    }

    /** Starts a bar chart: values grouped by category, one colour per series. */
    public static BarChart bar(String title, String categoryLabel, String valueLabel) {
        return new BarChart(title, categoryLabel, valueLabel);
    }

    /** Renders any JFreeChart at the course's size with the course's look. */
    public static BufferedImage render(JFreeChart chart) {
        return render(chart, WIDTH, HEIGHT);
    }

    /**
     * Renders any JFreeChart at the given size, with the course's background and title font.
     *
     * @throws IllegalArgumentException when the size is not positive or the title does not fit on one line
     */
    public static BufferedImage render(JFreeChart chart, int width, int height) {
        Objects.requireNonNull(chart, "chart");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("chart size must be positive, got " + width + "x" + height);
        }
        chart.setBackgroundPaint(Color.WHITE);
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(ChartStyle.TITLE_FONT);
            requireFits(chart.getTitle().getText(), width);
        }
        if (chart.getPlot() != null) {
            chart.getPlot().setBackgroundPaint(ChartStyle.PLOT_BACKGROUND);
        }
        return shownAt(chart.createBufferedImage(width * SCALE, height * SCALE, width, height, null), width);
    }

    /** The width, in display pixels, that an image of the chart layer is shown at; its own width for any other. */
    public static int displayWidth(RenderedImage image) {
        return image.getProperty(DISPLAY_WIDTH) instanceof Integer width ? width : image.getWidth();
    }

    /** The same pixels, carrying the width to show them at. */
    static BufferedImage shownAt(BufferedImage image, int width) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(DISPLAY_WIDTH, width);
        return new BufferedImage(image.getColorModel(), image.getRaster(), image.isAlphaPremultiplied(), properties);
    }

    /** The course's logarithmic axis: ticks at 1-2-5 steps in plain numbers ({@code 0.5, 1, 2, 5, 10, 1,000}). */
    public static LogAxis logAxis(String label) {
        return Axes.log(requireLabel("axis label", label));
    }

    /** A number as the charts print it ({@link course.Numbers#plain}). */
    public static String number(double value) {
        return course.Numbers.plain(value);
    }

    /** The widest title, in pixels, that fits on one line of a chart {@code width} pixels wide. */
    static int titleRoom(int width) {
        return width - 24;
    }

    /** @throws IllegalArgumentException when the title is wider than one line of the chart */
    static void requireFits(String title, int width) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        var g = scratch.createGraphics();
        try {
            FontMetrics metrics = g.getFontMetrics(ChartStyle.TITLE_FONT);
            int w = metrics.stringWidth(title);
            if (w > titleRoom(width)) {
                throw new IllegalArgumentException("chart title '" + title + "' is " + w + " px wide, more than the "
                        + titleRoom(width) + " px of one line; shorten it and put the detail in an axis label or the prose");
            }
        } finally {
            g.dispose();
        }
    }

    /** A finished chart: the title, the plot and a legend only where there are several series. */
    static JFreeChart finish(String title, Plot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE_FONT, plot, legend);
        LegendTitle l = chart.getLegend();
        if (l != null) {
            l.setPosition(RectangleEdge.BOTTOM);
            l.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        }
        return chart;
    }

    /** A grey dashed reference line with its label drawn on the plot. */
    static ValueMarker referenceMarker(String label, double value) {
        ValueMarker marker = new ValueMarker(value, ChartStyle.REFERENCE, ChartStyle.REFERENCE_STROKE);
        marker.setLabel(label);
        marker.setLabelFont(ChartStyle.LABEL_FONT);
        marker.setLabelPaint(ChartStyle.REFERENCE.darker());
        marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        return marker;
    }

    /** Widens an axis so that every reference line on it shows. */
    static void includeMarks(ValueAxis axis, double[] values, boolean log) {
        if (values.length == 0) {
            return;
        }
        Range r = axis.getRange();
        double low = r.getLowerBound();
        double high = r.getUpperBound();
        for (double v : values) {
            if (log && v <= 0) {
                continue;
            }
            low = Math.min(low, v);
            high = Math.max(high, v);
        }
        if (low < r.getLowerBound() || high > r.getUpperBound()) {
            if (log) {
                axis.setRange(low / 1.2, high * 1.2);
            } else {
                double pad = (high - low) * 0.05;
                axis.setRange(low < r.getLowerBound() ? low - pad : low, high > r.getUpperBound() ? high + pad : high);
            }
        }
    }

    /** Leaves room above the topmost horizontal reference line for its label, which sits above the line. */
    static void roomAbove(ValueAxis axis, double[] values, boolean log) {
        Range r = axis.getRange();
        double high = r.getUpperBound();
        for (double v : values) {
            if (log && v > 0) {
                high = Math.max(high, v * 1.6);
            } else if (!log) {
                high = Math.max(high, v + 0.08 * (r.getUpperBound() - r.getLowerBound()));
            }
        }
        if (high > r.getUpperBound()) {
            axis.setRange(r.getLowerBound(), high);
        }
    }

    static String requireLabel(String what, String label) {
        Objects.requireNonNull(label, what);
        if (label.isBlank()) {
            throw new IllegalArgumentException("a chart's " + what + " must not be blank");
        }
        return label;
    }

    static double requireFinite(String what, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " is not finite: " + value);
        }
        return value;
    }
}
