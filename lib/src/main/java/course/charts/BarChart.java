package course.charts;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.entity.EntityCollection;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A bar chart under construction: values grouped by category, one colour per series, with
 * optional error bars and grey reference lines. Start one with {@link Charts#bar}; finish it with
 * {@link #image()}. Not thread-safe; build it in one cell.
 *
 * <p>Each bar carries its value printed beside it when the chart has few bars (and always on a
 * bar too short to see). Error bars never reach below zero on a linear axis; on a log axis (chosen
 * by itself when the values span more than two decades, or by {@link #logValues()}) an error is
 * drawn as the same ratio below the bar as above it, which is how a ratio's error reads.
 *
 * <pre>{@code
 * Charts.bar("Cost per task", "pool", "ns per task")
 *       .bar("WorkerPool", 2180, 410)          // value ± error
 *       .bar("ThreadPoolExecutor", 115, 6)
 *       .image();
 * }</pre>
 */
public final class BarChart {
    /** Bars up to this many carry their value; more carry it only where the bar is a sliver. */
    static final int LABEL_ALL_UP_TO = 16;

    private record Key(String series, String category) {
    }

    private final String title;
    private final String categoryLabel;
    private final String valueLabel;
    private final DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    private final Map<Key, Double> errors = new HashMap<>();
    private final List<String[]> marks = new ArrayList<>();
    private final List<Double> markValues = new ArrayList<>();
    private boolean horizontal;
    private boolean slanted;
    private Boolean log;
    private Double base;

    BarChart(String title, String categoryLabel, String valueLabel) {
        this.title = Charts.requireLabel("title", title);
        this.categoryLabel = Charts.requireLabel("category axis label", categoryLabel);
        this.valueLabel = Charts.requireLabel("value axis label", valueLabel);
    }

    /** Adds one bar of the chart's only series. */
    public BarChart bar(String category, double value) {
        return bar(valueLabel, category, value);
    }

    /** Adds one bar with an error bar of ± {@code error}. */
    public BarChart bar(String category, double value, double error) {
        return bar(valueLabel, category, value, error);
    }

    /** Adds one bar of a named series, for grouped bars. */
    public BarChart bar(String series, String category, double value) {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(category, "category");
        Charts.requireFinite("bar '" + category + "' of '" + series + "'", value);
        dataset.addValue(value, series, category);
        return this;
    }

    /**
     * Adds one bar of a named series with an error bar of ± {@code error}.
     *
     * @throws IllegalArgumentException when the value is not finite or the error is negative or not finite
     */
    public BarChart bar(String series, String category, double value, double error) {
        if (!Double.isFinite(error) || error < 0) {
            throw new IllegalArgumentException("bar '" + category + "' of '" + series
                    + "' needs a finite, non-negative error, got " + error);
        }
        bar(series, category, value);
        errors.put(new Key(series, category), error);
        return this;
    }

    /** Adds a reference line across the bars at {@code value}, grey and dashed, labelled on the plot. */
    public BarChart hline(String label, double value) {
        marks.add(new String[]{Charts.requireLabel("reference label", label)});
        markValues.add(Charts.requireFinite(label, value));
        return this;
    }

    /** Lays the bars out horizontally, for long category names. */
    public BarChart horizontal() {
        this.horizontal = true;
        return this;
    }

    /** Slants the category names, for many vertical bars. */
    public BarChart slanted() {
        this.slanted = true;
        return this;
    }

    /** Draws the values on a logarithmic axis, for ratios and values spanning decades. */
    public BarChart logValues() {
        this.log = true;
        return this;
    }

    /**
     * Grows every bar from {@code value} instead of from zero (or from the axis's end on a log
     * axis): a ratio chart's bars grow from 1, left for faster and right for slower.
     */
    public BarChart baseAt(double value) {
        this.base = Charts.requireFinite("bar base", value);
        return this;
    }

    /** Keeps the value axis linear, even when the values span more than two decades. */
    public BarChart linearValues() {
        this.log = false;
        return this;
    }

    /** How many bars the chart has. */
    public int bars() {
        int n = 0;
        for (int r = 0; r < dataset.getRowCount(); r++) {
            for (int c = 0; c < dataset.getColumnCount(); c++) {
                n += dataset.getValue(r, c) != null ? 1 : 0;
            }
        }
        return n;
    }

    /** The chart as a JFreeChart, for further styling. @throws IllegalStateException when it has no bars */
    public JFreeChart chart() {
        if (dataset.getColumnCount() == 0) {
            throw new IllegalStateException("bar chart '" + title + "' has no bars");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < dataset.getRowCount(); r++) {
            for (int c = 0; c < dataset.getColumnCount(); c++) {
                Number v = dataset.getValue(r, c);
                if (v != null) {
                    min = Math.min(min, v.doubleValue());
                    max = Math.max(max, v.doubleValue());
                }
            }
        }
        boolean logAxis = log != null ? log : Axes.wantsLog(min, max);
        if (logAxis && min <= 0) {
            throw new IllegalArgumentException("bar chart '" + title + "' has a value <= 0 on a log axis");
        }
        CategoryAxis categories = new CategoryAxis(categoryLabel);
        if (slanted) {
            categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        categories.setMaximumCategoryLabelLines(2);
        ValueAxis values = logAxis ? Axes.log(valueLabel) : Axes.linear(valueLabel, false);
        ErrorBarRenderer renderer = new ErrorBarRenderer(logAxis, max, bars() <= LABEL_ALL_UP_TO);
        for (int r = 0; r < dataset.getRowCount(); r++) {
            renderer.setSeriesPaint(r, ChartStyle.color(r));
        }
        if (base != null) {
            renderer.setBase(base);
        }
        CategoryPlot plot = new CategoryPlot(dataset, categories, values, renderer);
        plot.setOrientation(horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_LEFT);
        for (int i = 0; i < marks.size(); i++) {
            var marker = Charts.referenceMarker(marks.get(i)[0], markValues.get(i));
            if (horizontal) {
                marker.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
                marker.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
            } else {
                // At the right end, above the line: clear of the values printed over the bars' tops
                // except where the last bar reaches the line.
                marker.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
                marker.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
            }
            plot.addRangeMarker(marker);
        }
        // Room for the errors, the printed values and the references.
        double low = logAxis ? min : Math.min(0, min);
        double high = max;
        for (int r = 0; r < dataset.getRowCount(); r++) {
            for (int c = 0; c < dataset.getColumnCount(); c++) {
                Number v = dataset.getValue(r, c);
                if (v != null) {
                    double[] range = renderer.errorRange(r, c, v.doubleValue());
                    low = Math.min(low, range[0]);
                    high = Math.max(high, range[1]);
                }
            }
        }
        for (double m : markValues) {
            low = Math.min(low, m);
            high = Math.max(high, m);
        }
        if (logAxis) {
            values.setRange(low / 1.5, high * 2.5);
        } else {
            double pad = (high - low) * (horizontal ? 0.16 : 0.1);
            values.setRange(low < 0 ? low - pad : 0, high + (high > 0 ? pad : 1));
        }
        return Charts.finish(title, plot, dataset.getRowCount() > 1);
    }

    /** Renders the chart, taller when a horizontal chart has many bars. */
    public BufferedImage image() {
        int height = horizontal ? Math.max(Charts.HEIGHT, 90 + 22 * bars()) : Charts.HEIGHT;
        return Charts.render(chart(), Charts.WIDTH, height);
    }

    /** Plain bars, each with its error bar and, where it helps, its value printed beside it. */
    private final class ErrorBarRenderer extends BarRenderer {
        private final boolean logAxis;
        private final double max;

        ErrorBarRenderer(boolean logAxis, double max, boolean labelAll) {
            this.logAxis = logAxis;
            this.max = max;
            setBarPainter(new StandardBarPainter());
            setShadowVisible(false);
            setDrawBarOutline(false);
            setItemMargin(0.05);
            setMaximumBarWidth(0.18);
            setDefaultItemLabelsVisible(false);
            this.labelAll = labelAll;
        }

        private final boolean labelAll;

        /** Whether a bar's value is printed: on every bar of a small chart, and on any sliver. */
        boolean printsValue(double value) {
            return labelAll || Math.abs(value) < 0.04 * Math.abs(max);
        }

        /** The [low, high] span of the error bar of one bar, or [value, value] when it has none. */
        double[] errorRange(int row, int column, double value) {
            Double error = errors.get(new Key((String) dataset.getRowKey(row), (String) dataset.getColumnKey(column)));
            if (error == null || error == 0) {
                return new double[]{value, value};
            }
            double high = value + error;
            double low = value - error;
            if (logAxis && low <= 0) {
                low = value * value / high;        // the same ratio below as above
            } else if (!logAxis && value >= 0) {
                low = Math.max(0, low);
            }
            return new double[]{low, high};
        }

        @Override
        public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea,
                             CategoryPlot plot, CategoryAxis domainAxis, ValueAxis rangeAxis,
                             CategoryDataset data, int row, int column, int pass) {
            super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, data, row, column, pass);
            Number v = data.getValue(row, column);
            if (pass != 0 || v == null) {
                return;
            }
            double value = v.doubleValue();
            double[] range = errorRange(row, column, value);
            boolean vertical = plot.getOrientation() == PlotOrientation.VERTICAL;
            double centre = calculateBarW0(plot, plot.getOrientation(), dataArea, domainAxis, state, row, column)
                    + state.getBarWidth() / 2;
            double a = rangeAxis.valueToJava2D(range[0], dataArea, plot.getRangeAxisEdge());
            double b = rangeAxis.valueToJava2D(range[1], dataArea, plot.getRangeAxisEdge());
            if (range[0] != range[1]) {
                double cap = Math.min(6, state.getBarWidth() / 4);
                g2.setPaint(ChartStyle.ERROR_BAR);
                g2.setStroke(new BasicStroke(1.5f));
                if (vertical) {
                    g2.draw(new Line2D.Double(centre, a, centre, b));
                    g2.draw(new Line2D.Double(centre - cap, a, centre + cap, a));
                    g2.draw(new Line2D.Double(centre - cap, b, centre + cap, b));
                } else {
                    g2.draw(new Line2D.Double(a, centre, b, centre));
                    g2.draw(new Line2D.Double(a, centre - cap, a, centre + cap));
                    g2.draw(new Line2D.Double(b, centre - cap, b, centre + cap));
                }
            }
            if (printsValue(value)) {
                // Beyond the bar's end and its error bar, so neither hides the number.
                double end = rangeAxis.valueToJava2D(value, dataArea, plot.getRangeAxisEdge());
                String text = Charts.number(value);
                g2.setFont(ChartStyle.LABEL_FONT);
                g2.setPaint(ChartStyle.ERROR_BAR);
                var metrics = g2.getFontMetrics();
                if (vertical) {
                    double top = Math.min(end, b) - 4;
                    g2.drawString(text, (float) (centre - metrics.stringWidth(text) / 2.0), (float) top);
                } else {
                    double right = Math.max(end, b) + 4;
                    g2.drawString(text, (float) right, (float) (centre + metrics.getAscent() / 2.0 - 1));
                }
            }
        }

        @Override
        protected void addItemEntity(EntityCollection entities, CategoryDataset data, int row, int column,
                                     java.awt.Shape hotspot) {
            // no tooltips or image maps in a PNG
        }
    }
}
