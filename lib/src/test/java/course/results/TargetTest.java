package course.results;

import course.evidence.Observation;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A target is met, missed or within error, judged by the ratio's whole 99.9% interval. */
class TargetTest {
    static RunResults run(double a, double ea, double b, double eb) {
        return new RunResults(Path.of("run.json"), List.of(
                new BenchResult("course.bench.T.a", Map.of(), "avgt", 1, 1, a, ea, "ns/op", 10),
                new BenchResult("course.bench.T.b", Map.of("k", "v"), "avgt", 1, 1, b, eb, "ns/op", 10)),
                Optional.empty());
    }

    static final Target AT_MOST_ONE = new Target("a / b", Target.Bench.of("T.a"), Target.Bench.of("T.b", "k", "v"), true, 1.0, "nothing");
    static final Target AT_LEAST_TEN = new Target("a / b", Target.Bench.of("T.a"), Target.Bench.of("T.b"), false, 10, "noise");

    @Test
    void aTargetIsMetWhenTheWholeIntervalIsOnItsSide() {
        Observation met = AT_MOST_ONE.observe(run(50, 5, 100, 10));
        assertTrue(met.held(), met.toString());
        assertTrue(met.toString().endsWith(": met — as expected"), met.toString());
    }

    @Test
    void aTargetIsMissedWhenTheWholeIntervalIsOnTheWrongSide() {
        Observation missed = AT_MOST_ONE.observe(run(200, 5, 100, 10));
        assertFalse(missed.held());
        assertTrue(missed.toString().contains(": missed — not as expected"), missed.toString());
        assertTrue(missed.toString().contains("it depends on nothing"), missed.toString());
    }

    @Test
    void aTargetWhoseIntervalReachesAcrossTheBoundIsWithinError() {
        Observation across = AT_LEAST_TEN.observe(run(1_090, 300, 100, 20));
        assertFalse(across.held());
        assertTrue(across.toString().contains("within error of the target"), across.toString());
        assertTrue(across.toString().contains("expected at least 10×"), across.toString());
    }

    @Test
    void aRunWithoutTheBenchmarksSaysWhichIsMissing() {
        var e = assertThrows(java.util.NoSuchElementException.class,
                () -> new Target("x", Target.Bench.of("T.zzz"), Target.Bench.of("T.a"), true, 1, "").observe(run(1, 0, 1, 0)));
        assertTrue(e.getMessage().contains("T.zzz"), e.getMessage());
    }

    @Test
    void theLibrarysTargetsReadTheReferenceRun() {
        RunResults reference = Results.reference();
        assertEquals(4, Target.LIBRARY.size());
        for (Target t : Target.LIBRARY) {
            assertDoesNotThrow(() -> t.observe(reference), t.toString());
        }
    }

    @Test
    void badTargetsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Target(" ", Target.Bench.of("a"), Target.Bench.of("b"), true, 1, ""));
        assertThrows(IllegalArgumentException.class, () -> new Target("x", Target.Bench.of("a"), Target.Bench.of("b"), true, 0, ""));
        assertThrows(IllegalArgumentException.class, () -> Target.Bench.of("a", "odd"));
    }
}
