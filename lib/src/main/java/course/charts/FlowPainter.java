package course.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.List;

/** How a {@link FlowDiagram}'s elements and arrows are drawn: its shapes, its text, its arrowheads. */
final class FlowPainter {
    /** The most slots a queue shows; a larger capacity is drawn with its last slot elided. */
    static final int MAX_SLOTS = 8;
    static final Font TEXT_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font SMALL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Color INK = new Color(0x30, 0x30, 0x30);
    private static final Color ARROW = new Color(0x50, 0x50, 0x50);

    private FlowPainter() {
    }

    static void draw(Graphics2D g, FlowDiagram.Element e, Rectangle2D b, double cell) {
        Color base = ChartStyle.color(switch (e.kind) {
            case THREAD -> 0;
            case QUEUE -> 1;
            case STORE -> 2;
        });
        Color fill = e.highlighted ? base : tint(base);
        Color line = e.highlighted ? base.darker() : base;
        g.setStroke(new BasicStroke(e.highlighted ? 2.5f : 1.5f));
        switch (e.kind) {
            case THREAD -> {
                int shadows = Math.min(e.count, 3) - 1;
                for (int i = shadows; i >= 0; i--) {
                    var box = new RoundRectangle2D.Double(b.getX() + 5 * i, b.getY() - 5 * i, b.getWidth(), b.getHeight(), 14, 14);
                    g.setColor(fill);
                    g.fill(box);
                    g.setColor(line);
                    g.draw(box);
                }
                String text = e.count > 1 ? e.label + " ×" + e.count : e.label;
                centred(g, text, b, e.highlighted ? Color.WHITE : INK);
            }
            case QUEUE -> {
                int slots = Math.min(e.count, MAX_SLOTS);
                double sw = b.getWidth() / slots;
                for (int i = 0; i < slots; i++) {
                    var slot = new Rectangle2D.Double(b.getX() + i * sw, b.getY(), sw, b.getHeight());
                    boolean full = i >= slots - Math.min(e.filled, slots);
                    g.setColor(full ? base : Color.WHITE);
                    g.fill(slot);
                    g.setColor(line);
                    g.draw(slot);
                }
                if (e.count > MAX_SLOTS) {
                    g.setColor(Color.WHITE);
                    g.fill(new Rectangle2D.Double(b.getMaxX() - sw + 1, b.getY() + 1, sw - 1, b.getHeight() - 1));
                    g.setColor(INK);
                    g.setFont(SMALL_FONT);
                    g.drawString("…", (float) (b.getMaxX() - sw + 2), (float) (b.getCenterY() + 4));
                }
                g.setFont(SMALL_FONT);
                g.setColor(INK);
                FontMetrics m = g.getFontMetrics();
                List<String> caption = new ArrayList<>(wrap(e.label, m, cell));
                caption.add("capacity " + e.count);
                double y = b.getY() - 8 - (caption.size() - 1) * m.getHeight();
                for (String l : caption) {
                    g.drawString(l, (float) (b.getCenterX() - m.stringWidth(l) / 2.0), (float) y);
                    y += m.getHeight();
                }
            }
            case STORE -> {
                double rim = 12;
                var body = new Path2D.Double();
                body.moveTo(b.getX(), b.getY() + rim / 2);
                body.lineTo(b.getX(), b.getMaxY() - rim / 2);
                body.append(new Arc2D.Double(b.getX(), b.getMaxY() - rim, b.getWidth(), rim, 180, 180,
                        Arc2D.OPEN), true);
                body.lineTo(b.getMaxX(), b.getY() + rim / 2);
                g.setColor(fill);
                g.fill(body);
                var top = new Ellipse2D.Double(b.getX(), b.getY(), b.getWidth(), rim);
                g.fill(top);
                g.setColor(line);
                g.draw(body);
                g.draw(top);
                centred(g, e.label, new Rectangle2D.Double(b.getX(), b.getY() + rim / 2, b.getWidth(), b.getHeight() - rim / 2),
                        e.highlighted ? Color.WHITE : INK);
            }
        }
    }

    /** Text centred in a box, wrapped at spaces onto as many lines as it needs. */
    private static void centred(Graphics2D g, String text, Rectangle2D box, Color color) {
        g.setFont(TEXT_FONT);
        g.setColor(color);
        FontMetrics m = g.getFontMetrics();
        List<String> lines = wrap(text, m, box.getWidth() - 10);
        double y = box.getCenterY() - (lines.size() * m.getHeight()) / 2.0 + m.getAscent();
        for (String l : lines) {
            g.drawString(l, (float) (box.getCenterX() - m.stringWidth(l) / 2.0), (float) y);
            y += m.getHeight();
        }
    }

    static List<String> wrap(String text, FontMetrics m, double width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (m.stringWidth(candidate) <= width || line.isEmpty()) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    static void drawFlow(Graphics2D g, FlowDiagram.Flow f, Rectangle2D from, Rectangle2D to) {
        Point2D a = edge(from, to.getCenterX(), to.getCenterY());
        Point2D b = edge(to, from.getCenterX(), from.getCenterY());
        g.setColor(ARROW);
        g.setStroke(new BasicStroke(1.6f));
        g.draw(new Line2D.Double(a, b));
        double angle = Math.atan2(b.getY() - a.getY(), b.getX() - a.getX());
        var head = new Path2D.Double();
        head.moveTo(b.getX(), b.getY());
        head.lineTo(b.getX() - 10 * Math.cos(angle - 0.4), b.getY() - 10 * Math.sin(angle - 0.4));
        head.lineTo(b.getX() - 10 * Math.cos(angle + 0.4), b.getY() - 10 * Math.sin(angle + 0.4));
        head.closePath();
        g.fill(head);
    }

    /** A flow's label beside its arrow's middle, on a white ground so that it reads over a box's edge. */
    static void drawLabel(Graphics2D g, FlowDiagram.Flow f, Rectangle2D from, Rectangle2D to) {
        if (f.label().isEmpty()) {
            return;
        }
        Point2D a = edge(from, to.getCenterX(), to.getCenterY());
        Point2D b = edge(to, from.getCenterX(), from.getCenterY());
        g.setFont(SMALL_FONT);
        FontMetrics m = g.getFontMetrics();
        double mx = (a.getX() + b.getX()) / 2;
        double my = (a.getY() + b.getY()) / 2;
        boolean level = Math.abs(b.getY() - a.getY()) < Math.abs(b.getX() - a.getX());
        List<String> lines = wrap(f.label(), m, Math.max(56, Math.abs(b.getX() - a.getX())));
        double y = level ? my - 6 - (lines.size() - 1) * m.getHeight() : my;
        for (String l : lines) {
            float x = (float) (level ? mx - m.stringWidth(l) / 2.0 : mx + 6);
            g.setColor(Color.WHITE);
            g.fill(new Rectangle2D.Double(x - 2, y - m.getAscent(), m.stringWidth(l) + 4, m.getHeight() - 1));
            g.setColor(ARROW);
            g.drawString(l, x, (float) y);
            y += m.getHeight();
        }
    }

    /** Where the line from a box's centre towards (x, y) leaves the box, with a small gap. */
    private static Point2D edge(Rectangle2D box, double x, double y) {
        double cx = box.getCenterX();
        double cy = box.getCenterY();
        double dx = x - cx;
        double dy = y - cy;
        double hw = box.getWidth() / 2 + 4;
        double hh = box.getHeight() / 2 + 4;
        double t = Math.min(dx == 0 ? Double.MAX_VALUE : hw / Math.abs(dx), dy == 0 ? Double.MAX_VALUE : hh / Math.abs(dy));
        return new Point2D.Double(cx + dx * t, cy + dy * t);
    }

    private static Color tint(Color c) {
        return new Color((c.getRed() + 3 * 255) / 4, (c.getGreen() + 3 * 255) / 4, (c.getBlue() + 3 * 255) / 4);
    }
}
