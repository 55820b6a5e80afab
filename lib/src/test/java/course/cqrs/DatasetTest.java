package course.cqrs;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetTest {
    @Test
    void theSameSeedGivesTheSameCommands() {
        assertEquals(Dataset.generate(7, 500).creates(), Dataset.generate(7, 500).creates());
        assertNotEquals(Dataset.generate(7, 500).creates(), Dataset.generate(8, 500).creates());
    }

    @Test
    void everyCommandIsValidAndEveryPairDistinct() {
        Dataset data = Dataset.generate(3, 2_000);
        Set<String> pairs = new HashSet<>();
        for (CreateArticle c : data.creates()) {
            assertEquals(List.of(), c.problems(), c.toString());
            assertTrue(pairs.add(c.userId() + " " + c.sourceUrl()), "duplicate pair " + c);
        }
        assertEquals(2_000, pairs.size());
    }

    @Test
    void popularTagsAreFarMoreCommonThanRareOnes() {
        Dataset data = Dataset.generate(3, 2_000);
        Map<String, Integer> counts = new HashMap<>();
        data.creates().forEach(c -> c.hashtags().forEach(t -> counts.merge(t, 1, Integer::sum)));
        int top = counts.getOrDefault(data.tags().get(0), 0);
        int fiftieth = counts.getOrDefault(data.tags().get(49), 0);
        assertTrue(top > 10 * Math.max(1, fiftieth), "top " + top + ", 50th " + fiftieth);
    }

    @Test
    void impossibleSizesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Dataset.generate(1, -1));
        assertThrows(IllegalArgumentException.class, () -> Dataset.generate(1, 100, 3, 3, 10, 1.0));
        assertThrows(IllegalArgumentException.class, () -> Dataset.generate(1, 10, 10, 10, 10, -1));
    }

    @Test
    void theFixedSampleIsReadable() {
        List<CreateArticle> sample = Dataset.sample();
        assertEquals(12, sample.size());
        sample.forEach(c -> assertEquals(List.of(), c.problems(), c.toString()));
    }
}
