package course.charts;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
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
 * charts' width and scale, so a cell can end with it like any chart, and a snapshot ({@link #filled},
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
    private static final int ROW_HEIGHT = 150;
    private static final int TOP = 44;
    private static final int MARGIN = 16;
    /** The height of one line of a note, in pixels. */
    private static final int NOTE_LINE = 15;

    enum Kind { THREAD, QUEUE, STORE }

    /** One element; {@code count} is the thread count of a THREAD, the capacity of a QUEUE. */
    static final class Element {
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

    record Flow(String from, String to, String label) {
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
        int height = TOP + rows * ROW_HEIGHT + (notes.isEmpty() ? 8 : 10 + noteLines(null).size() * NOTE_LINE);
        BufferedImage image = new BufferedImage(Charts.WIDTH * Charts.SCALE, height * Charts.SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.scale(Charts.SCALE, Charts.SCALE);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, Charts.WIDTH, height);
            g.setColor(FlowPainter.INK);
            g.setFont(ChartStyle.TITLE_FONT);
            FontMetrics tm = g.getFontMetrics();
            g.drawString(title, (Charts.WIDTH - tm.stringWidth(title)) / 2, 28);
            Map<String, Rectangle2D> bounds = layout();
            for (Flow f : flows) {
                FlowPainter.drawFlow(g, f, bounds.get(f.from), bounds.get(f.to));
            }
            for (Element e : elements.values()) {
                FlowPainter.draw(g, e, bounds.get(e.id), cellWidth());
            }
            for (Flow f : flows) {
                FlowPainter.drawLabel(g, f, bounds.get(f.from), bounds.get(f.to));
            }
            g.setFont(FlowPainter.SMALL_FONT);
            g.setColor(ChartStyle.REFERENCE.darker());
            FontMetrics nm = g.getFontMetrics();
            int y = TOP + rows * ROW_HEIGHT + 16;
            for (String line : noteLines(nm)) {
                g.drawString(line, MARGIN, y);
                y += nm.getHeight();
            }
        } finally {
            g.dispose();
        }
        return Charts.shownAt(image, Charts.WIDTH);
    }

    /** The notes wrapped to the diagram's width, measured with the given metrics or the note font's. */
    private List<String> noteLines(FontMetrics metrics) {
        FontMetrics m = metrics;
        if (m == null) {
            Graphics2D scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
            m = scratch.getFontMetrics(FlowPainter.SMALL_FONT);
            scratch.dispose();
        }
        List<String> lines = new ArrayList<>();
        for (String note : notes) {
            lines.addAll(FlowPainter.wrap(note, m, Charts.WIDTH - 2.0 * MARGIN));
        }
        return lines;
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
                case QUEUE -> slotWidth(cell) * Math.min(e.count, FlowPainter.MAX_SLOTS);
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
        return Math.min(18, (cell - 24) / FlowPainter.MAX_SLOTS);
    }
}
