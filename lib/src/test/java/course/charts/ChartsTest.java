package course.charts;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chart layer's rules, checked on the charts it builds. */
class ChartsTest {
    private static final double[] WORKERS = {1, 2, 4, 8, 16};

    @Test
    void aLineChartRendersAtTheCourseSize() {
        BufferedImage image = Charts.line("t", "x (ms)", "y (ms)")
                .series("a", new double[]{1, 2, 3}, new double[]{1, 4, 9})
                .series("b", new double[]{2, 3, 4})
                .image();
        assertEquals(Charts.WIDTH, Charts.displayWidth(image));
        assertEquals(Charts.HEIGHT * Charts.SCALE, image.getHeight());
        assertNotBlank(image);
    }

    @Test
    void aChartIsDrawnAtTwiceItsSizeAndNamesTheWidthToShowItAt() {
        BufferedImage image = Charts.line("t", "x (ms)", "y (ms)").series("a", new double[]{1, 2}, new double[]{1, 4}).image();
        assertEquals(Charts.WIDTH * Charts.SCALE, image.getWidth());
        assertEquals(Charts.WIDTH, image.getProperty(Charts.DISPLAY_WIDTH));
        assertEquals(5, Charts.displayWidth(new BufferedImage(5, 5, BufferedImage.TYPE_INT_RGB)), "any other image: its own width");
    }

    @Test
    void countsGetWholeNumberTicks() {
        XYPlot plot = Charts.line("t", "workers", "speed-up (×)").series("s", WORKERS, new double[]{1, 1.9, 3.5, 5, 6})
                .chart().getXYPlot();
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        assertEquals(NumberAxis.createIntegerTickUnits().getClass(), x.getStandardTickUnits().getClass());
        assertEquals(1.0, x.getStandardTickUnits().getCeilingTickUnit(0.3).getSize(), "no fractional worker ticks");
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        assertTrue(y.getStandardTickUnits().getCeilingTickUnit(0.3).getSize() < 1, "a ratio axis may tick at fractions");
    }

    @Test
    void dataSpanningMoreThanTwoDecadesGetALogAxisAtOneTwoFiveSteps() {
        XYPlot plot = Charts.line("t", "batch size (items)", "time per item (ns)")
                .series("s", new double[]{1, 16, 256, 4096}, new double[]{1300, 300, 150, 120})
                .chart().getXYPlot();
        assertTrue(plot.getDomainAxis() instanceof LogAxis, "x spans 3.6 decades");
        assertTrue(plot.getRangeAxis() instanceof NumberAxis, "y spans one decade");
        assertEquals(List.of(1.0, 10.0, 100.0, 1000.0), Axes.logTicks(1, 4096));
        assertEquals(List.of(0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0), Axes.logTicks(0.02, 40));
        assertEquals(List.of(0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0), Axes.logTicks(0.4, 60));
        assertEquals(List.of(100.0, 1000.0, 10_000.0, 100_000.0, 1_000_000.0), Axes.logTicks(50, 2_000_000));
    }

    @Test
    void countsOnALogAxisAreTickedAtTheCountsMeasured() {
        JFreeChart chart = Charts.line("t", "threads", "time per acquire (ns)").logX()
                .series("fair", new double[]{2, 4, 8, 16}, new double[]{3000, 17000, 18000, 13000}).chart();
        BufferedImage image = Charts.render(chart);
        var axis = (LogAxis) chart.getXYPlot().getDomainAxis();
        var ticks = axis.refreshTicks(image.createGraphics(), new org.jfree.chart.axis.AxisState(),
                new java.awt.geom.Rectangle2D.Double(0, 0, 600, 300), org.jfree.chart.ui.RectangleEdge.BOTTOM);
        assertEquals(List.of(2.0, 4.0, 8.0, 16.0),
                ticks.stream().map(t -> ((org.jfree.chart.axis.ValueTick) t).getValue()).toList());
    }

    @Test
    void logTickLabelsArePlainNumbers() {
        LogAxis axis = Charts.logAxis("ns per item");
        assertEquals("63.096", axis.getNumberFormatOverride().format(63.096));
        assertEquals("1,000", axis.getNumberFormatOverride().format(1000));
        assertEquals("0.002", axis.getNumberFormatOverride().format(0.002));
        for (double v : Axes.logTicks(0.001, 1e6)) {
            String label = axis.getNumberFormatOverride().format(v);
            assertFalse(label.contains("E") || label.contains("^"), label);
            assertTrue(label.replace(",", "").replace(".", "").chars().filter(c -> c != '0').count() == 1,
                    "one significant digit: " + label);
        }
    }

    @Test
    void referencesAreGreyAndDashedAndAMeasuredLineOnTheIdealLeavesItInView() {
        JFreeChart chart = Charts.line("t", "workers", "speed-up (×)")
                .reference("ideal", WORKERS, WORKERS)
                .hline("cores", 2)
                .series("measured", WORKERS, WORKERS)
                .chart();
        XYPlot plot = chart.getXYPlot();
        assertEquals(2, plot.getDatasetCount());
        XYItemRenderer ref = plot.getRenderer(1);
        assertEquals(ChartStyle.REFERENCE_BAND, ref.getSeriesPaint(0));
        Color band = (Color) ref.getSeriesPaint(0);
        assertTrue(band.getRed() == band.getGreen() && band.getGreen() == band.getBlue(), "a reference is grey");
        assertNotNull(((java.awt.BasicStroke) ref.getSeriesStroke(0)).getDashArray(), "reference is dashed");
        XYItemRenderer data = plot.getRenderer(0);
        assertNotEquals(ChartStyle.REFERENCE, data.getSeriesPaint(0));
        assertNull(((java.awt.BasicStroke) data.getSeriesStroke(0)).getDashArray(), "data is solid");
        assertEquals(org.jfree.chart.plot.DatasetRenderingOrder.REVERSE, plot.getDatasetRenderingOrder(),
                "the measured series (dataset 0) is drawn last, over the reference");
        assertTrue(((java.awt.BasicStroke) ref.getSeriesStroke(0)).getLineWidth()
                > ((java.awt.BasicStroke) data.getSeriesStroke(0)).getLineWidth(),
                "the reference is wider than the measured line, so it shows at its edges");
        ValueMarker cores = (ValueMarker) plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).iterator().next();
        assertEquals(ChartStyle.REFERENCE, cores.getPaint());
        assertEquals("cores", cores.getLabel());
    }

    @Test
    void aVerticalReferenceNearTheRightEdgeLabelsItselfOnItsLeft() {
        XYPlot plot = Charts.line("t", "time (ms)", "items").series("s", new double[]{0, 100}, new double[]{1, 2})
                .vline("early", 5).vline("late", 95).chart().getXYPlot();
        for (Object o : plot.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND)) {
            ValueMarker m = (ValueMarker) o;
            assertEquals(m.getLabel().equals("late") ? org.jfree.chart.ui.TextAnchor.TOP_RIGHT
                    : org.jfree.chart.ui.TextAnchor.TOP_LEFT, m.getLabelTextAnchor(), m.getLabel());
        }
    }

    @Test
    void noDataColourIsGrey() {
        for (int i = 0; i < 9; i++) {
            Color c = ChartStyle.color(i);
            int spread = Math.max(c.getRed(), Math.max(c.getGreen(), c.getBlue()))
                    - Math.min(c.getRed(), Math.min(c.getGreen(), c.getBlue()));
            assertTrue(spread > 40, "colour " + i + " is too grey: " + c);
        }
    }

    @Test
    void aSeriesDrawnUnderAnotherStaysVisible() {
        XYPlot plot = Charts.line("t", "x (ms)", "y (ms)").series("a", WORKERS, WORKERS).series("b", WORKERS, WORKERS)
                .chart().getXYPlot();
        XYItemRenderer r = plot.getRenderer(0);
        float under = ((java.awt.BasicStroke) r.getSeriesStroke(0)).getLineWidth();
        float over = ((java.awt.BasicStroke) r.getSeriesStroke(1)).getLineWidth();
        assertTrue(under > over, "the first series is wider, so it shows around the second");
        assertNotEquals(r.getSeriesShape(0).getBounds2D(), r.getSeriesShape(1).getBounds2D());
    }

    @Test
    void errorBarsNeverReachBelowZero() {
        XYPlot plot = Charts.line("t", "x (ms)", "y (ms)")
                .series("s", new double[]{1, 2}, new double[]{1, 5}, new double[]{3, 1}).chart().getXYPlot();
        var data = (org.jfree.data.xy.YIntervalSeriesCollection) plot.getDataset(0);
        assertEquals(0, data.getStartYValue(0, 0), 1e-12);
        assertEquals(4, data.getStartYValue(0, 1), 1e-12);
        XYPlot log = Charts.line("t", "x (ms)", "y (ms)").logY()
                .series("s", new double[]{1, 2}, new double[]{1, 50}, new double[]{3, 1}).chart().getXYPlot();
        var logData = (org.jfree.data.xy.YIntervalSeriesCollection) log.getDataset(0);
        assertEquals(0.25, logData.getStartYValue(0, 0), 1e-12, "on a log axis, 4× above means 4× below");
    }

    @Test
    void aBarChartPrintsItsValuesAndKeepsErrorsAboveZero() {
        BarChart bars = Charts.bar("Cost per task", "pool", "ns per task").bar("WorkerPool", 2180, 3000)
                .bar("ThreadPoolExecutor", 115, 6);
        JFreeChart chart = bars.chart();
        assertEquals(0, chart.getCategoryPlot().getRangeAxis().getLowerBound(), "no negative room for the error");
        assertTrue(chart.getCategoryPlot().getRangeAxis().getUpperBound() >= 5180);
        assertNotBlank(bars.image());
    }

    @Test
    void aLegendAppearsOnlyWithMoreThanOneSeries() {
        assertNull(Charts.line("t", "x (ms)", "y (ms)").series("a", WORKERS).chart().getLegend());
        assertNotNull(Charts.line("t", "x (ms)", "y (ms)").series("a", WORKERS).reference("r", WORKERS, WORKERS)
                .chart().getLegend());
        assertNull(Charts.bar("t", "kind", "ms").bar("a", 1).bar("b", 2).chart().getLegend());
        assertNotNull(Charts.bar("t", "kind", "ms").bar("x", "a", 1).bar("y", "a", 2).chart().getLegend());
    }

    @Test
    void aTitleThatDoesNotFitOnOneLineIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> Charts.line(
                "A very long title that goes on and on about what the chart shows, far beyond one line of it",
                "x (ms)", "y (ms)").series("a", WORKERS).image());
        assertTrue(e.getMessage().contains("shorten it"), e.getMessage());
    }

    @Test
    void blankLabelsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Charts.line("t", " ", "y"));
        assertThrows(IllegalArgumentException.class, () -> Charts.bar("t", "x", ""));
        assertThrows(IllegalArgumentException.class, () -> Charts.line("", "x", "y"));
    }

    @Test
    void badSeriesAreRejectedWithTheirName() {
        var chart = Charts.line("t", "x", "y");
        var e = assertThrows(IllegalArgumentException.class, () -> chart.series("s", new double[]{1}, new double[]{1, 2}));
        assertTrue(e.getMessage().contains("'s'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> chart.series("n", new double[]{Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> chart.series("e", new double[0]));
        assertThrows(IllegalArgumentException.class, () -> chart.series("neg", new double[]{1}, new double[]{1}, new double[]{-1}));
        chart.series("a", new double[]{1});
        assertThrows(IllegalArgumentException.class, () -> chart.series("a", new double[]{2}));
        assertThrows(IllegalArgumentException.class, () -> chart.reference("a", new double[]{2}, new double[]{2}));
    }

    @Test
    void aLogAxisRefusesValuesAtOrBelowZero() {
        assertThrows(IllegalArgumentException.class,
                () -> Charts.line("t", "x", "y").logY().series("a", new double[]{0, 1}).chart());
        assertThrows(IllegalArgumentException.class, () -> Charts.bar("t", "x", "y").logValues().bar("a", 0).chart());
    }

    @Test
    void anEmptyChartSaysWhatIsMissing() {
        assertThrows(IllegalStateException.class, () -> Charts.line("t", "x", "y").image());
        assertThrows(IllegalStateException.class, () -> Charts.line("t", "x", "y")
                .reference("only a reference", WORKERS, WORKERS).image());
        assertThrows(IllegalStateException.class, () -> Charts.bar("t", "x", "y").image());
        assertThrows(IllegalArgumentException.class, () -> Charts.render(Charts.line("t", "x", "y").series("a", new double[]{1}).chart(), 0, 5));
    }

    @Test
    void stepsAndLongSeriesDrawWithoutMarkers() {
        double[] xs = new double[200];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = i;
        }
        XYPlot plot = Charts.line("t", "time (ms)", "items").steps().series("depth", xs, xs).chart().getXYPlot();
        assertTrue(plot.getRenderer(0) instanceof org.jfree.chart.renderer.xy.XYStepRenderer);
        assertFalse(((org.jfree.chart.renderer.xy.XYLineAndShapeRenderer) plot.getRenderer(0)).getSeriesShapesVisible(0));
    }

    private static void assertNotBlank(BufferedImage image) {
        int first = image.getRGB(0, 0);
        boolean varied = false;
        for (int x = 0; x < image.getWidth() && !varied; x += 7) {
            for (int y = 0; y < image.getHeight() && !varied; y += 7) {
                varied = image.getRGB(x, y) != first;
            }
        }
        assertTrue(varied, "a rendered chart has more than one colour");
    }
}
