package course.evidence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

class ObservationTest {
    @Test
    void aValueInsideTheToleranceIsAsExpected() {
        Observation o = Observation.of("speed-up").unit("×").expectAbout(2, 0.25).runs(12).measured(1.93);
        assertEquals(Verdict.AS_EXPECTED, o.verdict());
        assertTrue(o.held());
        assertEquals("Observed: speed-up: expected about 2× (± 25%); measured 1.93× over 12 runs — as expected",
                o.toString());
    }

    @Test
    void aValueOutsideTheToleranceNamesTheMachineAndWhatItDependsOn() {
        Observation o = Observation.of("speed-up").unit("×").expectAbout(2, 0.25)
                .dependsOn("a second idle core").measured(1.05);
        assertEquals(Verdict.NOT_AS_EXPECTED, o.verdict());
        assertTrue(o.toString().contains("— not as expected on this run ("), o.toString());
        assertTrue(o.toString().contains("cores"), o.toString());
        assertTrue(o.toString().endsWith("it depends on a second idle core)"), o.toString());
    }

    @Test
    void aValueMeasuredElsewhereNamesThatMachineNotThisOne() {
        Observation o = Observation.of("ratio").expectAtMost(1).measuredOn("2 cores, AMD EPYC [reference.json]")
                .measured(2);
        assertTrue(o.toString().contains("not as expected on this run (measured on 2 cores, AMD EPYC [reference.json])"),
                o.toString());
        assertFalse(o.toString().contains("load"), o.toString());
    }

    @Test
    void boundsAreInclusive() {
        assertTrue(Observation.of("x").expectAtLeast(3).measured(3).held());
        assertTrue(Observation.of("x").expectAtMost(3).measured(3).held());
        assertTrue(Observation.of("x").expectBetween(1, 3).measured(1).held());
        assertFalse(Observation.of("x").expectBetween(1, 3).measured(3.01).held());
        assertTrue(Observation.of("results").expectExactly(67).measured(67).held());
        assertFalse(Observation.of("results").expectExactly(67).measured(66).held());
    }

    @Test
    void aNaNValueIsNeverAsExpected() {
        Observation o = Observation.of("x").expectAtLeast(0).measured(Double.NaN);
        assertFalse(o.held());
        assertTrue(o.toString().contains("measured no value"), o.toString());
    }

    @Test
    void aQualitativeObservationPrintsItsEvidence() {
        Observation o = Observation.of("the fixed client").expect("no run loses a result")
                .measuredThat(true, "0 of 2,000 runs lost a result");
        assertEquals("Observed: the fixed client: expected no run loses a result; measured 0 of 2,000 runs lost a result"
                + " — as expected", o.toString());
        assertFalse(Observation.of("c").expect("p").measuredThat(false, "1 lost").held());
    }

    @Test
    void fullModeOnlyObservationsAreNotJudgedInQuickMode() {
        String before = System.getProperty("course.quick");
        System.setProperty("course.quick", "1");
        try {
            // COURSE_QUICK in the environment wins over the property: this test needs quick mode on.
            org.junit.jupiter.api.Assumptions.assumeTrue(course.Course.quick(), "quick mode is forced off by COURSE_QUICK");
            Observation o = Observation.of("speed-up").expectAtLeast(1.5).judgeOnlyInFullMode().measured(0.9);
            assertEquals(Verdict.TOO_SMALL_TO_JUDGE, o.verdict());
            assertTrue(o.toString().endsWith("too small to judge in quick mode; run the chapter in full mode for a verdict"));
        } finally {
            if (before == null) {
                System.clearProperty("course.quick");
            } else {
                System.setProperty("course.quick", before);
            }
        }
    }

    @Test
    void numbersPrintToThreeSignificantFiguresInPlainDigits() {
        assertEquals("1.93", course.Numbers.plain(1.9312));
        assertEquals("0.0123", course.Numbers.plain(0.012345));
        assertEquals("12,300", course.Numbers.plain(12345.6));
        assertEquals("2,000", course.Numbers.plain(2000));
        assertEquals("3.00", course.Numbers.plain(3.002), "a measured value keeps its three figures");
        assertEquals("0.500", course.Numbers.plain(0.5));
        assertEquals("3.10 ms", Observation.format(3.1, "ms"));
        assertEquals("12.5%", Observation.format(12.5, "%"));
    }

    static Stream<Arguments> misuses() {
        return Stream.of(
                misuse("a blank subject", () -> Observation.of(" "), IllegalArgumentException.class, null),
                misuse("a measurement without an expectation", () -> Observation.of("x").measured(1),
                        IllegalStateException.class, "'x'"),
                misuse("a second expectation", () -> Observation.of("x").expectAtLeast(1).expectAtMost(2),
                        IllegalStateException.class, null),
                misuse("a unit after the expectation", () -> Observation.of("x").expectAtLeast(1).unit("ms"),
                        IllegalStateException.class, null),
                misuse("a qualitative measurement of a bound", () -> Observation.of("x").expectAtLeast(1).measuredThat(true, "y"),
                        IllegalStateException.class, null),
                misuse("a tolerance beyond 100%", () -> Observation.of("x").expectAbout(1, 1.5),
                        IllegalArgumentException.class, null),
                misuse("a range whose low end is above its high end", () -> Observation.of("x").expectBetween(3, 1),
                        IllegalArgumentException.class, null),
                misuse("a bound that is not a number", () -> Observation.of("x").expectAtLeast(Double.NaN),
                        IllegalArgumentException.class, null),
                misuse("no runs", () -> Observation.of("x").runs(0), IllegalArgumentException.class, null));
    }

    /** A row: the misuse, the exception it must throw, and a part of its message (null: any message). */
    static Arguments misuse(String name, Executable misuse, Class<? extends Throwable> type, String says) {
        return argumentSet(name, misuse, type, says);
    }

    @ParameterizedTest
    @MethodSource("misuses")
    void misuseIsRejectedWithAMessageThatSaysWhatIsMissing(Executable misuse, Class<? extends Throwable> type,
                                                          String says) {
        Throwable e = assertThrows(type, misuse);
        if (says != null) {
            assertTrue(e.getMessage().contains(says), e.getMessage());
        }
    }
}
