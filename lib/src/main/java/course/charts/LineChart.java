package course.charts;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.DoubleStream;

/**
 * A line chart under construction: measured series (with optional error bars), reference lines
 * in grey (an ideal curve, a limit, a floor), and axes chosen from the data. A reference curve is
 * drawn as a wide, light, dashed band under the measured series, so a measured line that lies on
 * its ideal still shows the ideal at its edges. Start one with
 * {@link Charts#line}; finish it with {@link #image()}. Not thread-safe; build it in one cell.
 *
 * <p>The axes follow the course's rules unless told otherwise: an axis whose values span more
 * than two decades is logarithmic (ticked 1-2-5 in plain numbers), a linear axis whose values are
 * all whole numbers ticks at whole numbers, error bars never reach below zero (on a log axis they
 * are symmetric in the ratio), and a chart with more than one series has a legend.
 *
 * <pre>{@code
 * Charts.line("Speed-up on N workers", "workers", "speed-up (×)")
 *       .reference("ideal: N×", workers, workers)
 *       .hline("cores", Course.cores())
 *       .series("measured", workers, speedup)
 *       .image();
 * }</pre>
 */
public final class LineChart {
    private record Line(String name, double[] xs, double[] ys, double[] lows, double[] highs) {
        boolean hasErrors() {
            return lows != null;
        }
    }

    private record Mark(String label, double value, boolean vertical) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Line> data = new ArrayList<>();
    private final List<Line> references = new ArrayList<>();
    private final List<Mark> marks = new ArrayList<>();
    private Boolean logX;
    private Boolean logY;
    private Double yFloor;
    private boolean steps;
    private boolean linesOnly;

    LineChart(String title, String xLabel, String yLabel) {
        this.title = Charts.requireLabel("title", title);
        this.xLabel = Charts.requireLabel("x axis label", xLabel);
        this.yLabel = Charts.requireLabel("y axis label", yLabel);
    }

    /**
     * Adds a measured series.
     *
     * @throws IllegalArgumentException when the arrays differ in length, are empty, hold a
     *                                  non-finite value, or the name is taken
     */
    public LineChart series(String name, double[] xs, double[] ys) {
        data.add(line(name, xs, ys, null));
        return this;
    }

    /** Adds a measured series whose x values are 1, 2, 3 and so on. */
    public LineChart series(String name, double[] ys) {
        Objects.requireNonNull(ys, "ys");
        return series(name, DoubleStream.iterate(1, x -> x + 1).limit(ys.length).toArray(), ys);
    }

    /**
     * Adds a measured series with an error bar of ± {@code errors[i]} on each point.
     *
     * @throws IllegalArgumentException as {@link #series(String, double[], double[])}, or when an
     *                                  error is negative, not finite, or the arrays differ in length
     */
    public LineChart series(String name, double[] xs, double[] ys, double[] errors) {
        Objects.requireNonNull(errors, "errors");
        data.add(line(name, xs, ys, errors));
        return this;
    }

    /** Adds a reference curve (an ideal, a model), drawn as a wide, light, dashed grey band under the measured series. */
    public LineChart reference(String name, double[] xs, double[] ys) {
        references.add(line(name, xs, ys, null));
        return this;
    }

    /** Adds a horizontal reference line at {@code y}, grey and dashed, labelled on the plot. */
    public LineChart hline(String label, double y) {
        marks.add(new Mark(Charts.requireLabel("reference label", label), Charts.requireFinite(label, y), false));
        return this;
    }

    /** Adds a vertical reference line at {@code x}, grey and dashed, labelled on the plot. */
    public LineChart vline(String label, double x) {
        marks.add(new Mark(Charts.requireLabel("reference label", label), Charts.requireFinite(label, x), true));
        return this;
    }

    /** Draws the x axis on a logarithmic scale, whatever the data span. */
    public LineChart logX() {
        this.logX = true;
        return this;
    }

    /** Draws the y axis on a logarithmic scale, whatever the data span. */
    public LineChart logY() {
        this.logY = true;
        return this;
    }

    /** Keeps the x axis linear, even when the data span more than two decades. */
    public LineChart linearX() {
        this.logX = false;
        return this;
    }

    /** Keeps the y axis linear, even when the data span more than two decades. */
    public LineChart linearY() {
        this.logY = false;
        return this;
    }

    /** Starts a linear y axis at this value instead of fitting it to the data. */
    public LineChart yFrom(double floor) {
        this.yFloor = Charts.requireFinite("y floor", floor);
        this.logY = false;
        return this;
    }

    /** Draws the measured series as steps (a value holds until the next point), for counts over time. */
    public LineChart steps() {
        this.steps = true;
        return this;
    }

    /** Draws no point markers, for long sampled series where markers blur into a band. */
    public LineChart linesOnly() {
        this.linesOnly = true;
        return this;
    }

    /** The chart as a JFreeChart, for further styling. @throws IllegalStateException when it has no measured series */
    public JFreeChart chart() {
        if (data.isEmpty()) {
            throw new IllegalStateException("line chart '" + title + "' has no measured series");
        }
        boolean yLog = logY != null ? logY : Axes.wantsLog(min(false), max(false));
        boolean xLog = logX != null ? logX : Axes.wantsLog(min(true), max(true));
        if (xLog && min(true) <= 0) {
            throw new IllegalArgumentException("line chart '" + title + "' has an x value <= 0 on a log axis");
        }
        if (yLog && min(false) <= 0) {
            throw new IllegalArgumentException("line chart '" + title + "' has a y value <= 0 on a log axis");
        }
        double[] xs = values(true).distinct().toArray();
        ValueAxis x = !xLog ? Axes.linear(xLabel, whole(true))
                : whole(true) && xs.length <= 12 ? Axes.logAt(xLabel, xs) : Axes.log(xLabel);
        ValueAxis y = yLog ? Axes.log(yLabel) : Axes.linear(yLabel, whole(false));
        if (!xLog) {
            ((org.jfree.chart.axis.NumberAxis) x).setAutoRangeIncludesZero(false);
        }

        XYSeriesCollection plain = new XYSeriesCollection();
        YIntervalSeriesCollection withErrors = new YIntervalSeriesCollection();
        XYLineAndShapeRenderer plainRenderer = steps ? new XYStepRenderer() : new XYLineAndShapeRenderer(true, true);
        XYErrorRenderer errorRenderer = new XYErrorRenderer();
        errorRenderer.setDrawXError(false);
        errorRenderer.setErrorPaint(ChartStyle.ERROR_BAR);
        boolean nonNegative = data.stream().allMatch(l -> DoubleStream.of(l.ys()).allMatch(v -> v >= 0));
        for (int i = 0; i < data.size(); i++) {
            Line l = data.get(i);
            boolean shapes = !linesOnly && l.xs().length <= 60;
            if (l.hasErrors()) {
                YIntervalSeries s = new YIntervalSeries(l.name(), false, true);
                for (int p = 0; p < l.xs().length; p++) {
                    double low = l.lows()[p];
                    if (yLog && low <= 0) {
                        low = l.ys()[p] * l.ys()[p] / l.highs()[p];     // the same ratio below as above
                    } else if (nonNegative) {
                        low = Math.max(0, low);
                    }
                    s.add(l.xs()[p], l.ys()[p], low, l.highs()[p]);
                }
                int k = withErrors.getSeriesCount();
                withErrors.addSeries(s);
                style(errorRenderer, k, i, shapes);
            } else {
                XYSeries s = new XYSeries(l.name(), false, true);
                for (int p = 0; p < l.xs().length; p++) {
                    s.add(l.xs()[p], l.ys()[p]);
                }
                int k = plain.getSeriesCount();
                plain.addSeries(s);
                style(plainRenderer, k, i, shapes);
            }
        }
        XYSeriesCollection refs = new XYSeriesCollection();
        XYLineAndShapeRenderer refRenderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < references.size(); i++) {
            Line l = references.get(i);
            XYSeries s = new XYSeries(l.name(), false, true);
            for (int p = 0; p < l.xs().length; p++) {
                s.add(l.xs()[p], l.ys()[p]);
            }
            refs.addSeries(s);
            refRenderer.setSeriesPaint(i, ChartStyle.REFERENCE_BAND);
            refRenderer.setSeriesStroke(i, ChartStyle.REFERENCE_BAND_STROKE);
        }

        XYPlot plot = new XYPlot();
        plot.setDomainAxis(x);
        plot.setRangeAxis(y);
        int index = 0;
        for (var pair : List.of(
                new Object[]{plain, plainRenderer}, new Object[]{withErrors, errorRenderer}, new Object[]{refs, refRenderer})) {
            var dataset = (org.jfree.data.xy.XYDataset) pair[0];
            if (dataset.getSeriesCount() > 0) {
                plot.setDataset(index, dataset);
                plot.setRenderer(index, (org.jfree.chart.renderer.xy.XYItemRenderer) pair[1]);
                index++;
            }
        }
        // References first, then the measured series over them: a reference curve is a wide, light,
        // dashed band, so a measured line that lies on it leaves its edges showing, and neither hides
        // the other.
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);     // the first (widest) series at the bottom
        for (Mark m : marks) {
            ValueMarker marker = Charts.referenceMarker(m.label(), m.value());
            if (m.vertical()) {
                marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                plot.addDomainMarker(marker);
            } else {
                plot.addRangeMarker(marker);
            }
        }
        if (yFloor != null) {
            y.setAutoRange(true);
            Range r = y.getRange();
            y.setRange(yFloor, Math.max(r.getUpperBound(), yFloor + 1e-9));
        }
        Charts.includeMarks(x, marks.stream().filter(Mark::vertical).mapToDouble(Mark::value).toArray(), xLog);
        Charts.includeMarks(y, marks.stream().filter(m -> !m.vertical()).mapToDouble(Mark::value).toArray(), yLog);
        Charts.roomAbove(y, marks.stream().filter(m -> !m.vertical()).mapToDouble(Mark::value).toArray(), yLog);
        labelTowardsTheMiddle(plot, x, xLog);
        return Charts.finish(title, plot, data.size() + references.size() > 1);
    }

    /** Renders the chart. */
    public BufferedImage image() {
        return Charts.render(chart());
    }

    /**
     * Puts each vertical reference line's label on the side of the line that faces the middle of
     * the plot, so a line near the right edge does not push its label out of the chart.
     */
    private static void labelTowardsTheMiddle(XYPlot plot, ValueAxis x, boolean log) {
        var markers = plot.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND);
        if (markers == null) {
            return;
        }
        double low = x.getRange().getLowerBound();
        double high = x.getRange().getUpperBound();
        double middle = log ? Math.sqrt(low * high) : (low + high) / 2;
        for (Object o : markers) {
            ValueMarker marker = (ValueMarker) o;
            boolean rightHalf = marker.getValue() > middle;
            marker.setLabelAnchor(rightHalf ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(rightHalf ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
        }
    }

    private static void style(XYLineAndShapeRenderer renderer, int k, int colour, boolean shapes) {
        renderer.setSeriesPaint(k, ChartStyle.color(colour));
        renderer.setSeriesStroke(k, ChartStyle.stroke(colour));
        renderer.setSeriesShape(k, ChartStyle.shape(colour));
        renderer.setSeriesShapesVisible(k, shapes);
        renderer.setSeriesLinesVisible(k, true);
    }

    private Line line(String name, double[] xs, double[] ys, double[] errors) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(xs, "xs");
        Objects.requireNonNull(ys, "ys");
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("series '" + name + "' has " + xs.length + " x values but "
                    + ys.length + " y values");
        }
        if (xs.length == 0) {
            throw new IllegalArgumentException("series '" + name + "' has no points");
        }
        if (errors != null && errors.length != ys.length) {
            throw new IllegalArgumentException("series '" + name + "' has " + ys.length + " y values but "
                    + errors.length + " errors");
        }
        if (data.stream().anyMatch(l -> l.name().equals(name)) || references.stream().anyMatch(l -> l.name().equals(name))) {
            throw new IllegalArgumentException("series '" + name + "' was already added");
        }
        double[] lows = errors == null ? null : new double[ys.length];
        double[] highs = errors == null ? null : new double[ys.length];
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
                throw new IllegalArgumentException("series '" + name + "' point " + i + " is not finite: ("
                        + xs[i] + ", " + ys[i] + ")");
            }
            if (errors != null) {
                if (!Double.isFinite(errors[i]) || errors[i] < 0) {
                    throw new IllegalArgumentException("series '" + name + "' point " + i
                            + " needs a finite, non-negative error, got " + errors[i]);
                }
                lows[i] = ys[i] - errors[i];
                highs[i] = ys[i] + errors[i];
            }
        }
        return new Line(name, xs.clone(), ys.clone(), lows, highs);
    }

    private DoubleStream values(boolean xAxis) {
        DoubleStream all = DoubleStream.empty();
        for (Line l : data) {
            all = DoubleStream.concat(all, DoubleStream.of(xAxis ? l.xs() : l.ys()));
        }
        for (Line l : references) {
            all = DoubleStream.concat(all, DoubleStream.of(xAxis ? l.xs() : l.ys()));
        }
        return all;
    }

    private double min(boolean xAxis) {
        return values(xAxis).min().orElse(1);
    }

    private double max(boolean xAxis) {
        return values(xAxis).max().orElse(1);
    }

    private boolean whole(boolean xAxis) {
        return Axes.allWhole(values(xAxis).toArray())
                && (xAxis || data.stream().noneMatch(Line::hasErrors));
    }
}
