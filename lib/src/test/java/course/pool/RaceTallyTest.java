package course.pool;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.PrimitiveIterator;
import java.util.TreeMap;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RaceTallyTest {
    @Test
    void countsHowManyRunsSawHowManyResults() {
        PrimitiveIterator.OfInt seen = IntStream.of(10, 8, 10, 9, 10, 9).iterator();
        RaceTally t = RaceTally.count(10, 6, seen::nextInt);
        assertEquals(Map.of(8, 1, 9, 2, 10, 3), t.histogram());
        assertEquals(6, t.runs());
        assertEquals(3, t.missedRuns());
        assertEquals(4, t.missedResults());
        assertEquals(8, t.fewestSeen());
        assertTrue(t.toString().startsWith("3 of 6 runs missed results"), t.toString());
    }

    @Test
    void itsWordsSeparateThousandsAsTheObservationsDo() {
        RaceTally t = RaceTally.count(10, 2_000, () -> 10);
        assertTrue(t.toString().startsWith("0 of 2,000 runs missed results"), t.toString());
    }

    @Test
    void aCleanTallyHasNoMisses() {
        RaceTally t = RaceTally.count(10, 100, () -> 10);
        assertEquals(0, t.missedRuns());
        assertEquals(0, t.missedResults());
        assertEquals(10, t.fewestSeen());
    }

    @Test
    void impossibleCountsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> RaceTally.count(10, 1, () -> 11));
        assertThrows(IllegalArgumentException.class, () -> RaceTally.count(10, 1, () -> -1));
        assertThrows(IllegalArgumentException.class, () -> RaceTally.count(10, 0, () -> 10));
        assertThrows(IllegalArgumentException.class, () -> RaceTally.count(-1, 1, () -> 0));
        assertThrows(IllegalArgumentException.class, () -> new RaceTally(10, new TreeMap<>(Map.of(10, 0))));
        assertThrows(NullPointerException.class, () -> RaceTally.count(10, 1, null));
    }
}
