package course.results;

import course.evidence.Observation;
import course.evidence.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/** Two results differ only when their 99.9% intervals are apart; a ratio carries both errors. */
class ComparisonTest {
    static BenchResult result(double score, double error) {
        return new BenchResult("course.bench.X.m" + score, Map.of(), "avgt", 1, 1, score, error, "ns/op", 10);
    }

    static Comparison compare(double a, double ea, double b, double eb) {
        return Comparison.of("A", result(a, ea), "B", result(b, eb));
    }

    @Test
    void intervalsApartBelowAreCheaperAndAboveAreDearer() {
        assertEquals(Comparison.Outcome.CHEAPER, compare(100, 10, 200, 20).outcome());
        assertEquals(Comparison.Outcome.DEARER, compare(300, 30, 200, 20).outcome());
    }

    @Test
    void overlappingOrTouchingIntervalsAreWithinError() {
        assertEquals(Comparison.Outcome.WITHIN_ERROR, compare(100, 30, 150, 30).outcome());
        assertEquals(Comparison.Outcome.WITHIN_ERROR, compare(100, 50, 200, 50).outcome());
    }

    @Test
    void anIntervalNeverReachesBelowZero() {
        BenchResult wide = result(6_900, 8_900);
        assertEquals(0, Comparison.low(wide));
        assertEquals(15_800, Comparison.high(wide));
    }

    @Test
    void aMissingErrorCountsAsExact() {
        assertEquals(Comparison.Outcome.DEARER, compare(101, Double.NaN, 100, Double.NaN).outcome());
    }

    @Test
    void theRatiosErrorAddsTheRelativeErrorsInQuadrature() {
        Comparison c = compare(300, 30, 100, 20);
        assertEquals(3.0, c.ratio(), 1e-12);
        assertEquals(3.0 * Math.hypot(0.1, 0.2), c.ratioError(), 1e-12);
        assertEquals(c.ratio() - c.ratioError(), c.ratioLow(), 1e-12);
        assertEquals(0, compare(100, 90, 100, 90).ratioLow());
    }

    @Test
    void expectCheaperHoldsOnlyWhenTheIntervalsAreApart() {
        Observation held = compare(100, 10, 200, 20).expectCheaper();
        assertEquals(Verdict.AS_EXPECTED, held.verdict());
        assertTrue(held.toString().contains("A cheaper"), held.toString());
        assertTrue(held.toString().contains("B costs 2 ± 0.283× as much"), held.toString());
        Observation overlap = compare(100, 30, 150, 30).expectCheaper();
        assertEquals(Verdict.NOT_AS_EXPECTED, overlap.verdict());
        assertTrue(overlap.toString().contains("within error"), overlap.toString());
    }

    @Test
    void expectDearerAndExpectWithinErrorReadTheSameIntervals() {
        assertEquals(Verdict.AS_EXPECTED, compare(300, 30, 200, 20).expectDearer().verdict());
        assertEquals(Verdict.NOT_AS_EXPECTED, compare(300, 30, 200, 20).expectWithinError().verdict());
        assertEquals(Verdict.AS_EXPECTED, compare(100, 30, 150, 30).expectWithinError().verdict());
    }

    @Test
    void aRatioBoundHoldsOnlyWhenTheWholeIntervalIsOnItsSide() {
        Comparison c = compare(1_000, 100, 100, 10);          // 10 ± 1.41
        assertEquals(Verdict.AS_EXPECTED, c.expectRatioAtLeast(5).verdict());
        Observation straddles = c.expectRatioAtLeast(10);
        assertEquals(Verdict.NOT_AS_EXPECTED, straddles.verdict());
        assertTrue(straddles.toString().contains("within error of 10×"), straddles.toString());
        assertTrue(c.expectRatioAtMost(12).held());
        assertTrue(c.expectRatioAtMost(5).toString().contains(": above 5×"), c.expectRatioAtMost(5).toString());
        assertTrue(c.expectRatioBetween(8, 12).held());
        assertTrue(c.expectRatioBetween(20, 30).toString().contains(": outside"));
    }

    @Test
    void whatTheOutcomeDependsOnIsPrintedWhenItDidNotHold() {
        Observation o = compare(100, 30, 150, 30).dependsOn("two cores").expectCheaper();
        assertTrue(o.toString().contains("it depends on two cores"), o.toString());
    }

    static final BenchResult OK = result(1, 0.1);
    static final BenchResult THROUGHPUT = new BenchResult("course.bench.X.t", Map.of(), "thrpt", 1, 1, 5, 1, "ops/s", 10);
    static final BenchResult MICROS = new BenchResult("course.bench.X.u", Map.of(), "avgt", 1, 1, 5, 1, "us/op", 10);

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad("a blank name", () -> Comparison.of(" ", OK, "B", OK), null),
                bad("a score of zero", () -> Comparison.of("A", result(0, 0), "B", OK), null),
                bad("throughput scores", () -> Comparison.of("A", THROUGHPUT, "B", THROUGHPUT), "throughput"),
                bad("scores in different units", () -> Comparison.of("A", OK, "B", MICROS), null),
                bad("a ratio bound of zero", () -> compare(1, 0, 1, 0).expectRatioAtLeast(0), null),
                bad("a ratio range whose low end is above its high end", () -> compare(1, 0, 1, 0).expectRatioBetween(3, 2),
                        null));
    }

    /** A row: the bad input, and a part of the message it must give (null: any message). */
    static Arguments bad(String name, Executable input, String says) {
        return argumentSet(name, input, says);
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputsAreRejectedWithTheirReason(Executable input, String says) {
        var e = assertThrows(IllegalArgumentException.class, input);
        if (says != null) {
            assertTrue(e.getMessage().contains(says), e.getMessage());
        }
    }
}
