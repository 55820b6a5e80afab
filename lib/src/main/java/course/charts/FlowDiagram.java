package course.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A picture of how work flows through a pattern: its threads, the bounded queues between them
 * (drawn as slots, so the capacity shows), the stores it reads and writes, and arrows for the
 * flow. Elements are laid out left to right in the order they are added, one column each;
 * {@link #nextRow()} starts a second path below the first. A diagram is drawn with Java2D at the
 * charts' width, so a cell can end with it like any chart, and a snapshot ({@link #filled},
 * {@link #highlight}) or a sequence of them can show the state of a run.
 *
 * <pre>{@code
 * FlowDiagram.of("The worker pool: 10 jobs, 2 workers")
 *     .thread("gen", "generator")
 *     .queue("jobs", "jobs", 2)
 *     .threads("w", "worker", 2)
 *     .queue("res", "results", 2)
 *     .thread("client", "client")
 *     .flow("gen", "jobs").flow("jobs", "w").flow("w", "res").flow("res", "client")
 *     .image();
 * }</pre>
 */
public final class FlowDiagram {
    /** The most slots a queue shows; a larger capacity is drawn with its last slots elided. */
    static final int MAX_SLOTS = 8;
    private static final int ROW_HEIGHT = 150;
    private static final int TOP = 44;
    private static final int MARGIN = 16;
    private static final int NOTE_HEIGHT = 26;
    private static final Font TEXT_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font SMALL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Color INK = new Color(0x30, 0x30, 0x30);
    private static final Color ARROW = new Color(0x50, 0x50, 0x50);

    private enum Kind { THREAD, QUEUE, STORE }

    /** One element; {@code count} is the thread count of a THREAD, the capacity of a QUEUE. */
    private static final class Element {
        final String id;
        final Kind kind;
        final String label;
        final int count;
        final int row;
        final int column;
        /** Slots drawn full, 0 ≤ filled ≤ count; queues only. */
        int filled;
        boolean highlighted;

        Element(String id, Kind kind, String label, int count, int row, int column) {
            this.id = id;
            this.kind = kind;
            this.label = label;
            this.count = count;
            this.row = row;
            this.column = column;
        }
    }

    private record Flow(String from, String to, String label) {
    }

    private final String title;
    /** Insertion order is layout order. */
    private final Map<String, Element> elements = new LinkedHashMap<>();
    private final List<Flow> flows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private int row;
    /** The next free column of the current row. */
    private int column;

    private FlowDiagram(String title) {
        this.title = Charts.requireLabel("title", title);
        Charts.requireFits(title, Charts.WIDTH);
    }

    /** Starts a diagram with a one-line title. */
    public static FlowDiagram of(String title) {
        return new FlowDiagram(title);
    }

    /** One thread, drawn as a rounded box with its label. */
    public FlowDiagram thread(String id, String label) {
        return add(id, Kind.THREAD, label, 1);
    }

    /** {@code count} threads of one kind, drawn stacked and labelled "label ×count". */
    public FlowDiagram threads(String id, String label, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("threads '" + id + "': count must be at least 1, got " + count);
        }
        return add(id, Kind.THREAD, label, count);
    }

    /** A bounded queue, drawn as a row of {@code capacity} slots under its label. */
    public FlowDiagram queue(String id, String label, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("queue '" + id + "': capacity must be at least 1, got " + capacity);
        }
        return add(id, Kind.QUEUE, label, capacity);
    }

    /** A store (a table, an event log, a read model), drawn as a cylinder. */
    public FlowDiagram store(String id, String label) {
        return add(id, Kind.STORE, label, 1);
    }

    /** Leaves the next column of the current row empty. */
    public FlowDiagram skip() {
        column++;
        return this;
    }

    /** The elements added next go on a new row, from the left. */
    public FlowDiagram nextRow() {
        if (column == 0) {
            throw new IllegalStateException("row " + (row + 1) + " is empty; add an element before starting the next row");
        }
        row++;
        column = 0;
        return this;
    }

    /** An arrow from one element to another. */
    public FlowDiagram flow(String from, String to) {
        return flow(from, to, "");
    }

    /** An arrow from one element to another, with a short label beside it. */
    public FlowDiagram flow(String from, String to, String label) {
        element(from);
        element(to);
        if (from.equals(to)) {
            throw new IllegalArgumentException("a flow needs two elements, got '" + from + "' twice");
        }
        flows.add(new Flow(from, to, Objects.requireNonNull(label, "label")));
        return this;
    }

    /** A grey caption under the diagram. */
    public FlowDiagram note(String text) {
        notes.add(Charts.requireLabel("note", text));
        return this;
    }

    /** Draws {@code n} of a queue's slots full: a snapshot of its depth. */
    public FlowDiagram filled(String queueId, int n) {
        Element e = element(queueId);
        if (e.kind != Kind.QUEUE) {
            throw new IllegalArgumentException("'" + queueId + "' is not a queue; only a queue has slots to fill");
        }
        if (n < 0 || n > e.count) {
            throw new IllegalArgumentException("queue '" + queueId + "' has " + e.count + " slots; cannot fill " + n);
        }
        e.filled = n;
        return this;
    }

    /** Draws an element in the accent colour. */
    public FlowDiagram highlight(String id) {
        element(id).highlighted = true;
        return this;
    }

    /** The diagram as an image at the charts' width. */
    public BufferedImage image() {
        if (elements.isEmpty()) {
            throw new IllegalStateException("diagram '" + title + "' has no elements");
        }
        int rows = row + 1;
        int height = TOP + rows * ROW_HEIGHT + (notes.isEmpty() ? 8 : notes.size() * NOTE_HEIGHT);
        BufferedImage image = new BufferedImage(Charts.WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, Charts.WIDTH, height);
            g.setColor(INK);
            g.setFont(ChartStyle.TITLE_FONT);
            FontMetrics tm = g.getFontMetrics();
            g.drawString(title, (Charts.WIDTH - tm.stringWidth(title)) / 2, 28);
            Map<String, Rectangle2D> bounds = layout();
            for (Flow f : flows) {
                drawFlow(g, f, bounds.get(f.from), bounds.get(f.to));
            }
            for (Element e : elements.values()) {
                draw(g, e, bounds.get(e.id), cellWidth());
            }
            for (Flow f : flows) {
                drawLabel(g, f, bounds.get(f.from), bounds.get(f.to));
            }
            g.setFont(SMALL_FONT);
            g.setColor(ChartStyle.REFERENCE.darker());
            int y = TOP + rows * ROW_HEIGHT;
            for (String note : notes) {
                g.drawString(note, MARGIN, y + 16);
                y += NOTE_HEIGHT;
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private FlowDiagram add(String id, Kind kind, String label, int count) {
        Charts.requireLabel("element id", id);
        Charts.requireLabel("label of '" + id + "'", label);
        if (elements.containsKey(id)) {
            throw new IllegalArgumentException("diagram '" + title + "' already has an element '" + id + "'");
        }
        elements.put(id, new Element(id, kind, label, count, row, column++));
        return this;
    }

    private Element element(String id) {
        Element e = elements.get(Objects.requireNonNull(id, "id"));
        if (e == null) {
            throw new IllegalArgumentException("diagram '" + title + "' has no element '" + id + "'; it has " + elements.keySet());
        }
        return e;
    }

    /** Each element's box, centred in its cell of an even grid as wide as the widest row. */
    private Map<String, Rectangle2D> layout() {
        double cell = cellWidth();
        Map<String, Rectangle2D> bounds = new LinkedHashMap<>();
        for (Element e : elements.values()) {
            double w = switch (e.kind) {
                case THREAD -> Math.min(cell - 24, 140);
                case QUEUE -> slotWidth(cell) * Math.min(e.count, MAX_SLOTS);
                case STORE -> Math.min(cell - 24, 120);
            };
            double h = e.kind == Kind.STORE ? 64 : e.kind == Kind.QUEUE ? 26 : 48;
            double cx = MARGIN + cell * (e.column + 0.5);
            double cy = TOP + ROW_HEIGHT * (e.row + 0.5);
            bounds.put(e.id, new Rectangle2D.Double(cx - w / 2, cy - h / 2, w, h));
        }
        return bounds;
    }

    /** The width of one column: the widest row's columns share the width evenly. */
    private double cellWidth() {
        int columns = elements.values().stream().mapToInt(e -> e.column + 1).max().orElse(1);
        return (Charts.WIDTH - 2.0 * MARGIN) / columns;
    }

    private static double slotWidth(double cell) {
        return Math.min(18, (cell - 24) / MAX_SLOTS);
    }

    private void draw(Graphics2D g, Element e, Rectangle2D b, double cell) {
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

    private static void drawFlow(Graphics2D g, Flow f, Rectangle2D from, Rectangle2D to) {
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
    private static void drawLabel(Graphics2D g, Flow f, Rectangle2D from, Rectangle2D to) {
        if (f.label.isEmpty()) {
            return;
        }
        Point2D a = edge(from, to.getCenterX(), to.getCenterY());
        Point2D b = edge(to, from.getCenterX(), from.getCenterY());
        g.setFont(SMALL_FONT);
        FontMetrics m = g.getFontMetrics();
        double mx = (a.getX() + b.getX()) / 2;
        double my = (a.getY() + b.getY()) / 2;
        boolean level = Math.abs(b.getY() - a.getY()) < Math.abs(b.getX() - a.getX());
        List<String> lines = wrap(f.label, m, Math.max(56, Math.abs(b.getX() - a.getX())));
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
