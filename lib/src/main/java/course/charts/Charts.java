package course.charts;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * Draws the course's charts with JFreeChart and returns them as images.
 *
 * <p>A chart is built fluently and finished with {@link LineChart#image()} or
 * {@link BarChart#image()}, which returns a {@link BufferedImage}. The course's kernel
 * shows any {@code RenderedImage} that ends a cell as a PNG, so a chart is the last
 * expression of its cell. Chapters that need a chart type of their own build a
 * {@link JFreeChart} and call {@link #render(JFreeChart)}, so every chart shares one
 * size and one look.
 *
 * <pre>{@code
 * Charts.line("Speedup", "workers", "speedup")
 *       .series("ideal", new double[]{1, 2, 4}, new double[]{1, 2, 4})
 *       .series("measured", new double[]{1, 2, 4}, new double[]{1, 1.9, 2.1})
 *       .image();
 * }</pre>
 */
public final class Charts {
    /** Width of every chart, in pixels. */
    public static final int WIDTH = 720;
    /** Height of every chart, in pixels. */
    public static final int HEIGHT = 400;

    private Charts() {
    }

    /** Starts a line chart: one or more (x, y) series on numeric axes. */
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

    /** Renders any JFreeChart at the given size. */
    public static BufferedImage render(JFreeChart chart, int width, int height) {
        Objects.requireNonNull(chart, "chart");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("chart size must be positive, got " + width + "x" + height);
        }
        chart.setBackgroundPaint(Color.WHITE);
        if (chart.getPlot() != null) {
            chart.getPlot().setBackgroundPaint(new Color(0xF7F7F7));
        }
        return chart.createBufferedImage(width, height);
    }

    /**
     * A logarithmic axis whose ticks read as plain numbers (1, 10, 100), not as powers of ten;
     * for custom charts that want the same axis as {@link LineChart#logX()} and {@link LineChart#logY()}.
     */
    public static org.jfree.chart.axis.LogAxis logAxis(String label) {
        org.jfree.chart.axis.LogAxis axis = new org.jfree.chart.axis.LogAxis(label);
        axis.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.###"));
        return axis;
    }

    /** A line chart under construction. Not thread-safe; build it in one cell. */
    public static final class LineChart {
        private final String title;
        private final String xLabel;
        private final String yLabel;
        private final XYSeriesCollection dataset = new XYSeriesCollection();
        private boolean logX;
        private boolean logY;
        private Double yFloor;

        private LineChart(String title, String xLabel, String yLabel) {
            this.title = Objects.requireNonNull(title, "title");
            this.xLabel = Objects.requireNonNull(xLabel, "xLabel");
            this.yLabel = Objects.requireNonNull(yLabel, "yLabel");
        }

        /**
         * Adds a series of points.
         *
         * @throws IllegalArgumentException when the arrays differ in length, are empty,
         *                                  hold a non-finite value, or the name is taken
         */
        public LineChart series(String name, double[] xs, double[] ys) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(xs, "xs");
            Objects.requireNonNull(ys, "ys");
            if (xs.length != ys.length) {
                throw new IllegalArgumentException("series '" + name + "' has " + xs.length
                        + " x values but " + ys.length + " y values");
            }
            if (xs.length == 0) {
                throw new IllegalArgumentException("series '" + name + "' has no points");
            }
            if (dataset.getSeriesIndex(name) >= 0) {
                throw new IllegalArgumentException("series '" + name + "' was already added");
            }
            XYSeries series = new XYSeries(name, false, true);
            for (int i = 0; i < xs.length; i++) {
                if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
                    throw new IllegalArgumentException("series '" + name + "' point " + i
                            + " is not finite: (" + xs[i] + ", " + ys[i] + ")");
                }
                series.add(xs[i], ys[i]);
            }
            dataset.addSeries(series);
            return this;
        }

        /** Adds a series whose x values are 1, 2, 3 and so on. */
        public LineChart series(String name, double[] ys) {
            double[] xs = new double[ys.length];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = i + 1;
            }
            return series(name, xs, ys);
        }

        /** Draws the x axis on a logarithmic scale. */
        public LineChart logX() {
            this.logX = true;
            return this;
        }

        /** Draws the y axis on a logarithmic scale. */
        public LineChart logY() {
            this.logY = true;
            return this;
        }

        /** Starts the y axis at this value instead of fitting it to the data. */
        public LineChart yFrom(double floor) {
            this.yFloor = floor;
            return this;
        }

        /** The chart as a JFreeChart, for further styling. */
        public JFreeChart chart() {
            if (dataset.getSeriesCount() == 0) {
                throw new IllegalStateException("line chart '" + title + "' has no series");
            }
            JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, dataset,
                    PlotOrientation.VERTICAL, true, false, false);
            XYPlot plot = chart.getXYPlot();
            XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
            for (int i = 0; i < dataset.getSeriesCount(); i++) {
                renderer.setSeriesStroke(i, new BasicStroke(2f));
            }
            plot.setRenderer(renderer);
            if (logX) {
                plot.setDomainAxis(logAxis(xLabel));
            }
            if (logY) {
                plot.setRangeAxis(logAxis(yLabel));
            } else if (yFloor != null) {
                NumberAxis axis = (NumberAxis) plot.getRangeAxis();
                axis.setAutoRangeIncludesZero(false);
                axis.setLowerBound(yFloor);
            }
            return chart;
        }

        /** Renders the chart. */
        public BufferedImage image() {
            return render(chart());
        }
    }

    /** A bar chart under construction. Not thread-safe; build it in one cell. */
    public static final class BarChart {
        private final String title;
        private final String categoryLabel;
        private final String valueLabel;
        private final DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        private boolean horizontal;

        private BarChart(String title, String categoryLabel, String valueLabel) {
            this.title = Objects.requireNonNull(title, "title");
            this.categoryLabel = Objects.requireNonNull(categoryLabel, "categoryLabel");
            this.valueLabel = Objects.requireNonNull(valueLabel, "valueLabel");
        }

        /** Adds one bar: the value of {@code series} in {@code category}. */
        public BarChart bar(String category, double value) {
            return bar(valueLabel, category, value);
        }

        /** Adds one bar of a named series, for grouped bars. */
        public BarChart bar(String series, String category, double value) {
            Objects.requireNonNull(series, "series");
            Objects.requireNonNull(category, "category");
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("bar '" + category + "' of '" + series
                        + "' is not finite: " + value);
            }
            dataset.addValue(value, series, category);
            return this;
        }

        /** Lays the bars out horizontally, for long category names. */
        public BarChart horizontal() {
            this.horizontal = true;
            return this;
        }

        /** The chart as a JFreeChart, for further styling. */
        public JFreeChart chart() {
            if (dataset.getColumnCount() == 0) {
                throw new IllegalStateException("bar chart '" + title + "' has no bars");
            }
            JFreeChart chart = ChartFactory.createBarChart(title, categoryLabel, valueLabel, dataset,
                    horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL,
                    dataset.getRowCount() > 1, false, false);
            CategoryPlot plot = chart.getCategoryPlot();
            plot.getRenderer().setDefaultItemLabelsVisible(false);
            return chart;
        }

        /** Renders the chart. */
        public BufferedImage image() {
            return render(chart());
        }
    }
}
