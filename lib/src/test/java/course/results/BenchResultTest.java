package course.results;

import course.data.BadInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static course.data.BadInput.invalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One benchmark's result: its names, and the values its constructor rejects or accepts. */
class BenchResultTest {
    static final Map<String, String> PARAMS = Map.of("size", "10");

    static BenchResult result(double score, double error) {
        return new BenchResult("course.bench.X.y", PARAMS, "avgt", 1, 2, score, error, "ns/op", 4);
    }

    @Test
    void namesDropThePackageAndKeepNestedClasses() {
        BenchResult nested = new BenchResult("course.bench.PipelineBench.Baselines.plainLoop", Map.of(), "avgt", 1, 1,
                1, 0.1, "ns/op", 1);
        assertEquals("PipelineBench.Baselines.plainLoop", nested.name());
        assertEquals("plainLoop", nested.method());
        assertEquals("X.y size=10", result(1, 0.1).label());
    }

    static Stream<Arguments> impossibleResults() {
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("size", null);
        return Stream.of(
                invalid("a null benchmark", () -> new BenchResult(null, PARAMS, "avgt", 1, 2, 1, 0.1, "ns/op", 4),
                        NullPointerException.class, "benchmark: expected JMH's benchmark name, found null"),
                invalid("a blank benchmark", () -> new BenchResult(" ", PARAMS, "avgt", 1, 2, 1, 0.1, "ns/op", 4),
                        IllegalArgumentException.class, "benchmark: expected JMH's benchmark name, found \" \""),
                invalid("null params", () -> new BenchResult("b.C.m", null, "avgt", 1, 2, 1, 0.1, "ns/op", 4),
                        NullPointerException.class, "params: expected the parameters (an empty map for none), found null"),
                invalid("a null parameter value", () -> new BenchResult("b.C.m", nullValue, "avgt", 1, 2, 1, 0.1, "ns/op", 4),
                        NullPointerException.class, "params.size: expected the parameter's value, found null"),
                invalid("a null mode", () -> new BenchResult("b.C.m", PARAMS, null, 1, 2, 1, 0.1, "ns/op", 4),
                        NullPointerException.class, "mode: expected JMH's mode, found null"),
                invalid("a blank mode", () -> new BenchResult("b.C.m", PARAMS, "", 1, 2, 1, 0.1, "ns/op", 4),
                        IllegalArgumentException.class, "mode: expected JMH's mode, found \"\""),
                invalid("no threads", () -> new BenchResult("b.C.m", PARAMS, "avgt", 0, 2, 1, 0.1, "ns/op", 4),
                        IllegalArgumentException.class, "threads: expected at least 1 thread, found 0"),
                invalid("negative threads", () -> new BenchResult("b.C.m", PARAMS, "avgt", -2, 2, 1, 0.1, "ns/op", 4),
                        IllegalArgumentException.class, "threads: expected at least 1 thread, found -2"),
                invalid("negative forks", () -> new BenchResult("b.C.m", PARAMS, "avgt", 1, -1, 1, 0.1, "ns/op", 4),
                        IllegalArgumentException.class, "forks: expected a count that is not negative, found -1"),
                invalid("a negative score", () -> result(-1, 0.1),
                        IllegalArgumentException.class, "score: expected a finite number that is not negative, found -1.0"),
                invalid("a NaN score", () -> result(Double.NaN, 0.1),
                        IllegalArgumentException.class, "score: expected a finite number that is not negative, found NaN"),
                invalid("an infinite score", () -> result(Double.POSITIVE_INFINITY, 0.1),
                        IllegalArgumentException.class, "score: expected a finite number that is not negative, found Infinity"),
                invalid("a negative error", () -> result(1, -0.1),
                        IllegalArgumentException.class, "error: expected a number that is not negative, NaN or Infinity, found -0.1"),
                invalid("an error of minus infinity", () -> result(1, Double.NEGATIVE_INFINITY),
                        IllegalArgumentException.class, "error: expected a number that is not negative, NaN or Infinity, found -Infinity"),
                invalid("a null unit", () -> new BenchResult("b.C.m", PARAMS, "avgt", 1, 2, 1, 0.1, null, 4),
                        NullPointerException.class, "unit: expected the score's unit, found null"),
                invalid("a blank unit", () -> new BenchResult("b.C.m", PARAMS, "avgt", 1, 2, 1, 0.1, " ", 4),
                        IllegalArgumentException.class, "unit: expected the score's unit, found \" \""),
                invalid("negative samples", () -> new BenchResult("b.C.m", PARAMS, "avgt", 1, 2, 1, 0.1, "ns/op", -1),
                        IllegalArgumentException.class, "samples: expected a count that is not negative, found -1"));
    }

    @ParameterizedTest
    @MethodSource("impossibleResults")
    void rejectsImpossibleValuesNamingTheField(Executable construct, Class<? extends Throwable> type, String message) {
        BadInput.assertRejected(construct, type, message);
    }

    @Test
    void acceptsAZeroScoreAndAnUnknownOrUnboundedError() {
        assertEquals(0, result(0, 0).score());
        assertTrue(Double.isNaN(result(1, Double.NaN).error()));
        assertEquals(Double.POSITIVE_INFINITY, result(1, Double.POSITIVE_INFINITY).error());
        assertEquals(0, result(1, Double.NaN).errorOrZero());
        assertEquals(0, new BenchResult("b.C.m", Map.of(), "ss", 1, 0, 1, 0, "s/op", 0).forks());
    }

    @Test
    void secondaryMetricsHaveNoneOfTheirOwnAndAreCopied() {
        BenchResult alloc = new BenchResult("course.bench.X.y", Map.of(), "avgt", 1, 1, 24, 1, "B/op", 3);
        Map<String, BenchResult> metrics = new HashMap<>(Map.of("gc.alloc.rate.norm", alloc));
        BenchResult r = new BenchResult("course.bench.X.y", Map.of(), "avgt", 1, 1, 10, 1, "ns/op", 3, metrics);
        metrics.clear();
        assertEquals(alloc, r.secondary("gc.alloc.rate.norm"));
        assertEquals(Map.of(), alloc.secondary(), "the nine-argument constructor has no secondary metrics");
        assertThrows(IllegalArgumentException.class, () -> new BenchResult("course.bench.X.y", Map.of(), "avgt", 1, 1,
                10, 1, "ns/op", 3, Map.of("nested", r)));
    }
}
