package course.results;

import course.charts.Charts;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Charts of benchmark results with error bars, drawn with JFreeChart through
 * {@link Charts#render(JFreeChart)}. Each bar or point is a JMH score; its error bar spans the
 * score ± JMH's error (the 99.9% confidence half-width; none when JMH gave none).
 *
 * <ul>
 *   <li>{@link #bars(String, String)}: grouped bars, one group per category, one colour per series.</li>
 *   <li>{@link #curve(String, String, String)}: scores against a number (a batch size, a thread
 *       count), with optional horizontal {@linkplain Curve#floor floors} such as a hand-off's cost.</li>
 *   <li>{@link #ratios(String, RunResults, RunResults)}: every benchmark two runs share, as the
 *       ratio of their scores, with the error carried through.</li>
 * </ul>
 *
 * <pre>{@code
 * RunResults run = Results.latestOrReference();
 * ResultCharts.bars("Hand-off", "ns per item")
 *         .bar("spsc", "SynchronousQueue", run.get("HandoffBench.spsc", "queue", "SynchronousQueue"))
 *         .image();
 * }</pre>
 */
public final class ResultCharts {
    /** The stroke of reference lines and floors. */
    private static final BasicStroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10f, new float[]{6f, 4f}, 0f);

    private ResultCharts() {
    }

    /** Starts a grouped bar chart with error bars. */
    public static Bars bars(String title, String valueLabel) {
        return new Bars(title, valueLabel);
    }

    /** Starts a chart of scores against a numeric x, with error bars. */
    public static Curve curve(String title, String xLabel, String yLabel) {
        return new Curve(title, xLabel, yLabel);
    }

    /**
     * One horizontal bar per benchmark found in both runs: {@code mine / reference}, with the
     * relative errors added in quadrature. A bar right of 1 means slower than the reference
     * (for time-per-operation scores).
     *
     * @throws IllegalArgumentException when the runs share no benchmark
     */
    public static BufferedImage ratios(String title, RunResults mine, RunResults reference) {
        Bars bars = new Bars(title, "this run / reference (1 = same)").horizontal().marker(1.0);
        Map<String, BenchResult> ref = reference.byLabel();
        int n = 0;
        for (BenchResult m : mine.results()) {
            BenchResult r = ref.get(m.label());
            if (r == null || r.score() <= 0 || m.score() <= 0) {
                continue;
            }
            double ratio = m.score() / r.score();
            double rel = Math.hypot(m.errorOrZero() / m.score(), r.errorOrZero() / r.score());
            bars.bar("ratio", m.label().replaceFirst("^[A-Za-z]+Bench\\.", ""), ratio, ratio * rel);
            n++;
        }
        if (n == 0) {
            throw new IllegalArgumentException("the two runs share no benchmark: " + mine.file().getFileName()
                    + " vs " + reference.file().getFileName());
        }
        return Charts.render(bars.chart(), Charts.WIDTH, Math.max(Charts.HEIGHT, 60 + 18 * n));
    }

    /** Grouped bars with error bars. Not thread-safe; build it in one cell. */
    public static final class Bars {
        private final String title;
        private final String valueLabel;
        private final DefaultStatisticalCategoryDataset dataset = new DefaultStatisticalCategoryDataset();
        private boolean horizontal;
        private boolean slanted;
        private final List<Double> markers = new ArrayList<>();

        private Bars(String title, String valueLabel) {
            this.title = Objects.requireNonNull(title, "title");
            this.valueLabel = Objects.requireNonNull(valueLabel, "valueLabel");
        }

        /** Adds the bar of {@code series} in {@code category}: the result's score and error. */
        public Bars bar(String series, String category, BenchResult result) {
            Objects.requireNonNull(result, "result");
            return bar(series, category, result.score(), result.errorOrZero());
        }

        /**
         * Adds a bar from raw numbers.
         *
         * @throws IllegalArgumentException when the value is not finite or the error is negative or not finite
         */
        public Bars bar(String series, String category, double value, double error) {
            Objects.requireNonNull(series, "series");
            Objects.requireNonNull(category, "category");
            if (!Double.isFinite(value) || !Double.isFinite(error) || error < 0) {
                throw new IllegalArgumentException("bar '" + category + "' of '" + series + "' needs a finite value "
                        + "and a finite, non-negative error; got " + value + " ± " + error);
            }
            dataset.add(value, error, series, category);
            return this;
        }

        /** Lays the bars out horizontally, for long names. */
        public Bars horizontal() {
            this.horizontal = true;
            return this;
        }

        /** Slants the category names, for many vertical bars. */
        public Bars slanted() {
            this.slanted = true;
            return this;
        }

        /** Draws a reference line across the chart at {@code value}. */
        public Bars marker(double value) {
            markers.add(value);
            return this;
        }

        /** The chart, for further styling. @throws IllegalStateException when it has no bars */
        public JFreeChart chart() {
            if (dataset.getColumnCount() == 0) {
                throw new IllegalStateException("bar chart '" + title + "' has no bars");
            }
            CategoryAxis categories = new CategoryAxis(null);
            if (slanted) {
                categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
            }
            categories.setMaximumCategoryLabelLines(2);
            NumberAxis values = new NumberAxis(valueLabel);
            StatisticalBarRenderer renderer = new StatisticalBarRenderer();
            renderer.setErrorIndicatorPaint(Color.BLACK);
            renderer.setErrorIndicatorStroke(new BasicStroke(1.5f));
            renderer.setDrawBarOutline(false);
            renderer.setShadowVisible(false);
            renderer.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
            renderer.setItemMargin(0.05);
            CategoryPlot plot = new CategoryPlot(dataset, categories, values, renderer);
            plot.setOrientation(horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL);
            for (double m : markers) {
                plot.addRangeMarker(new ValueMarker(m, Color.DARK_GRAY, DASHED));
            }
            return new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, dataset.getRowCount() > 1);
        }

        /** Renders the chart. */
        public BufferedImage image() {
            return Charts.render(chart());
        }
    }

    /** Scores against a numeric x, with error bars and optional floors. Not thread-safe. */
    public static final class Curve {
        private final String title;
        private final String xLabel;
        private final String yLabel;
        private final Map<String, YIntervalSeries> series = new LinkedHashMap<>();
        private final Map<String, Double> floors = new LinkedHashMap<>();
        private boolean logX;
        private boolean logY;

        private Curve(String title, String xLabel, String yLabel) {
            this.title = Objects.requireNonNull(title, "title");
            this.xLabel = Objects.requireNonNull(xLabel, "xLabel");
            this.yLabel = Objects.requireNonNull(yLabel, "yLabel");
        }

        /** Adds the point (x, the result's score ± error) to the named series. */
        public Curve point(String name, double x, BenchResult result) {
            Objects.requireNonNull(result, "result");
            return point(name, x, result.score(), result.errorOrZero());
        }

        /** Adds a point from raw numbers. @throws IllegalArgumentException when a number is not finite */
        public Curve point(String name, double x, double y, double error) {
            Objects.requireNonNull(name, "name");
            if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(error) || error < 0) {
                throw new IllegalArgumentException("point of '" + name + "' needs finite numbers, got x=" + x
                        + ", y=" + y + " ± " + error);
            }
            double low = y - error;
            if (logY && low <= 0) {
                low = y / 10;
            }
            series.computeIfAbsent(name, YIntervalSeries::new).add(x, y, low, y + error);
            return this;
        }

        /** A labelled horizontal line at {@code y}: a cost that every point pays at least. */
        public Curve floor(String label, double y) {
            floors.put(Objects.requireNonNull(label, "label"), y);
            return this;
        }

        /** A logarithmic x axis. */
        public Curve logX() {
            this.logX = true;
            return this;
        }

        /** A logarithmic y axis. */
        public Curve logY() {
            this.logY = true;
            return this;
        }

        /** The chart, for further styling. @throws IllegalStateException when it has no points */
        public JFreeChart chart() {
            if (series.isEmpty()) {
                throw new IllegalStateException("chart '" + title + "' has no points");
            }
            YIntervalSeriesCollection data = new YIntervalSeriesCollection();
            series.values().forEach(data::addSeries);
            ValueAxis x = logX ? logAxis(xLabel, 2) : new NumberAxis(xLabel);
            ValueAxis y = logY ? logAxis(yLabel, 10) : new NumberAxis(yLabel);
            XYErrorRenderer renderer = new XYErrorRenderer();
            renderer.setDrawXError(false);
            renderer.setDefaultLinesVisible(true);
            renderer.setErrorPaint(Color.BLACK);
            for (int i = 0; i < data.getSeriesCount(); i++) {
                renderer.setSeriesLinesVisible(i, true);
                renderer.setSeriesStroke(i, new BasicStroke(2f));
            }
            XYPlot plot = new XYPlot(data, x, y, renderer);
            for (Map.Entry<String, Double> f : floors.entrySet()) {
                ValueMarker marker = new ValueMarker(f.getValue(), Color.GRAY, DASHED);
                marker.setLabel(f.getKey());
                marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
                marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
                plot.addRangeMarker(marker);
            }
            includeFloors(y, data);
            return new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        }

        /** The course's logarithmic axis ({@link Charts#logAxis}), ticked at whole powers of {@code base}. */
        private static LogAxis logAxis(String label, double base) {
            LogAxis axis = Charts.logAxis(label);
            axis.setBase(base);
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            return axis;
        }

        /** Widens the y axis so that every floor shows, with a margin. */
        private void includeFloors(ValueAxis y, YIntervalSeriesCollection data) {
            if (floors.isEmpty()) {
                return;
            }
            double low = Double.MAX_VALUE;
            double high = -Double.MAX_VALUE;
            for (int s = 0; s < data.getSeriesCount(); s++) {
                for (int i = 0; i < data.getItemCount(s); i++) {
                    low = Math.min(low, data.getStartYValue(s, i));
                    high = Math.max(high, data.getEndYValue(s, i));
                }
            }
            for (double f : floors.values()) {
                low = Math.min(low, f);
                high = Math.max(high, f);
            }
            if (logY) {
                y.setRange(Math.max(low, Double.MIN_NORMAL) / 1.6, high * 1.6);
            } else {
                double margin = (high - low) * 0.08;
                y.setRange(Math.min(0, low - margin), high + margin);
            }
        }

        /** Renders the chart. */
        public BufferedImage image() {
            return Charts.render(chart());
        }
    }
}
