package course.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The runner's profiles and its view of the benchmark list; no benchmark is run here. */
class SuiteTest {
    @Test
    void theAnnotationProcessorListedEveryBenchmark() {
        // 5 pitfalls, 16 pool (6 x 2 tasks, 1 x 2 tasks x 2 capacities), 6 semaphore, 4 hand-off, 4 + 3 pipeline, 7 CQRS, 4 wait policy (2 policies x 2 loads)
        assertEquals(49, Suite.count(List.of(Suite.PACKAGE + ".*")));
        assertEquals(16, Suite.count(List.of(Suite.PACKAGE + ".*PoolBench")));
        assertEquals(4, Suite.count(List.of(Suite.PACKAGE + ".*HandoffBench")));
        assertEquals(4, Suite.count(List.of(Suite.PACKAGE + ".*WaitPolicyBench")));
    }

    @Test
    void profilesDescribeThemselves() {
        assertEquals("1 fork, 1 x 1 s warm-up, 3 x 1 s measurement", Suite.Profile.QUICK.describe());
        assertEquals("2 forks, 3 x 1 s warm-up, 5 x 1 s measurement", Suite.Profile.FULL.describe());
    }

    @Test
    void aProfileWithoutMeasurementsIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Suite.Profile("x", 1, 1, 0, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Suite.Profile("x", 0, 1, 1, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Suite.Profile("x", 1, 1, 1, Duration.ZERO));
    }
}
