package course.kernel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers where each JShell snippet came from, so that a stack trace names the cell and the
 * line there ("cell [3] line 5") instead of the snippet's own line: the kernel records every
 * snippet it evaluates, and {@link Traces} asks when it formats a frame of snippet code.
 *
 * <pre>{@code
 * places.record("15", 3, 4);      // snippet 15 starts at line 4 of cell [3]
 * places.place("15", 2);          // "cell [3] line 5"
 * }</pre>
 */
final class CellPlaces implements Traces.SnippetPlaces {
    /** By JShell snippet id: its cell's execution count (0 outside Jupyter) and its first line there. */
    private final Map<String, int[]> places = new ConcurrentHashMap<>();

    /** Snippet {@code id} starts at line {@code firstLine} (from 1) of cell {@code cell} (0: no count). */
    void record(String id, int cell, int firstLine) {
        places.put(id, new int[] {cell, firstLine});
    }

    /** Where line {@code line} of snippet {@code id} is: "cell [3] line 2", or "line 2" outside Jupyter. */
    @Override
    public String place(String id, int line) {
        int[] place = places.get(id);
        if (place == null) {
            return NONE.place(id, line);
        }
        int cellLine = place[1] + line - 1;
        return (place[0] > 0 ? "cell [" + place[0] + "] " : "") + "line " + cellLine;
    }
}
