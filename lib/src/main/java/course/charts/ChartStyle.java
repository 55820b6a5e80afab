package course.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * The course's one look: a colour-blind-safe palette for data, grey for everything that is a
 * reference (an ideal, a limit, a floor, the core count), the fonts and strokes. Data colours are
 * never grey and reference lines are never coloured, so a glance tells measured from expected.
 */
public final class ChartStyle {
    /** The colour of every reference line and its label. */
    public static final Color REFERENCE = new Color(0x80, 0x80, 0x80);
    /** The dashed stroke of every reference line. */
    public static final BasicStroke REFERENCE_STROKE = new BasicStroke(1.6f, BasicStroke.CAP_BUTT,
            BasicStroke.JOIN_MITER, 10f, new float[]{7f, 5f}, 0f);
    /** The colour of a reference curve: a lighter grey, since it is drawn as a wide band. */
    public static final Color REFERENCE_BAND = new Color(0xBE, 0xBE, 0xBE);
    /**
     * The stroke of a reference curve (an ideal): wider than any data line and dashed, so that a
     * measured line lying on it leaves the band's dashed edges in view.
     */
    public static final BasicStroke REFERENCE_BAND_STROKE = new BasicStroke(6f, BasicStroke.CAP_BUTT,
            BasicStroke.JOIN_ROUND, 10f, new float[]{10f, 6f}, 0f);
    /** The colour of failed items and error bars' opposite: a red kept out of the palette's first places. */
    public static final Color FAILURE = new Color(0xD6, 0x27, 0x28);
    /** The colour of error bars. */
    public static final Color ERROR_BAR = new Color(0x20, 0x20, 0x20);
    /** The font of the chart title. */
    public static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 17);
    /** The font of labels drawn on the plot (reference lines, bar values). */
    public static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    /** The plot's background. */
    public static final Color PLOT_BACKGROUND = new Color(0xF7, 0xF7, 0xF7);

    /** Data colours, in order (Tableau 10 without its grey). */
    private static final Color[] PALETTE = {
            new Color(0x4E79A7), new Color(0xF28E2B), new Color(0x59A14F), new Color(0xB07AA1),
            new Color(0x76B7B2), new Color(0xEDC948), new Color(0x9C755F), new Color(0xFF9DA7),
            new Color(0xE15759),
    };

    private ChartStyle() {
    }

    /** The colour of the {@code i}-th data series. */
    public static Color color(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    /**
     * The stroke of the {@code i}-th data series: the first is the widest, so that a series drawn
     * under a later one still shows at its edges.
     */
    public static BasicStroke stroke(int i) {
        return new BasicStroke(Math.max(1.5f, 3.5f - 0.6f * i), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** The marker of the {@code i}-th data series: a different shape each, the first the largest. */
    public static Shape shape(int i) {
        double s = Math.max(6, 10 - 1.5 * i);
        double h = s / 2;
        return switch (Math.floorMod(i, 4)) {
            case 0 -> new Ellipse2D.Double(-h, -h, s, s);
            case 1 -> new Rectangle2D.Double(-h, -h, s, s);
            case 2 -> triangle(h);
            default -> diamond(h);
        };
    }

    private static Shape triangle(double h) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(0, -h);
        p.lineTo(h, h);
        p.lineTo(-h, h);
        p.closePath();
        return p;
    }

    private static Shape diamond(double h) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(0, -h);
        p.lineTo(h, 0);
        p.lineTo(0, h);
        p.lineTo(-h, 0);
        p.closePath();
        return p;
    }
}
