package course.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import course.Course;
import course.data.DataFileException;
import course.data.DataFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads benchmark results: JMH's JSON output ({@code -rf json}) and the machine record that
 * {@code make bench} writes beside it.
 *
 * <p><b>Files.</b> {@code make bench} writes {@code data/results/<host>-<date>.json} (JMH's output)
 * and {@code data/results/<host>-<date>.machine.json} (a {@link Machine}). The course ships the
 * reference run in {@code data/results/reference/}. {@link #load(Path)} reads one JSON file and
 * its machine record; {@link #latest(Path)} finds the newest run in a folder;
 * {@link #reference()} and {@link #latestOrReference()} (the newest complete run, else the
 * reference) are the two the chapter uses.
 *
 * <p><b>What is read.</b> The file must be JMH's JSON array, read by {@link DataFiles} (one JSON
 * value, no field twice). Of each entry the course reads the fields below and ignores every
 * other, so files from other JMH versions load too:
 * <ul>
 *   <li>{@code benchmark}, {@code mode}: text, not blank;</li>
 *   <li>{@code threads}: a whole number, at least 1; {@code forks}: a whole number, 0 or more;</li>
 *   <li>{@code params} (optional): an object of text values;</li>
 *   <li>{@code primaryMetric.score}: a finite JSON number, not negative;</li>
 *   <li>{@code primaryMetric.scoreError}: a JSON number that is not negative, or JMH's
 *       {@code "NaN"} (no error could be computed) or {@code "+INF"} (unbounded);</li>
 *   <li>{@code primaryMetric.scoreUnit}: text, not blank;</li>
 *   <li>{@code primaryMetric.rawData} (optional): a list of lists, one a fork, whose elements are
 *       counted as the samples;</li>
 *   <li>{@code secondaryMetrics} (optional): an object of metrics by name, each read as the
 *       primary metric is, into {@link BenchResult#secondary(String)}. A metric in the unit
 *       {@code "#"} is an {@code @AuxCounters} events counter, whose score JMH writes as the sum
 *       of its iterations, with no error: the course reads the mean of its iterations instead,
 *       with the 99.9% error JMH would give a score.</li>
 * </ul>
 * JMH writes a double that JSON cannot hold as the text {@code "NaN"}, {@code "+INF"} or
 * {@code "-INF"}; those three are understood wherever a number is read, and then judged like any
 * other value: a score of {@code "NaN"} or {@code "+INF"} (a benchmark JMH could not measure) is
 * an error, an error of {@code "NaN"} or {@code "+INF"} is not. A JSON number too large for a
 * double ({@code 1e400}) is never JMH's and is an error.
 *
 * <p><b>Errors.</b> Every problem is a {@link ResultsException} whose message names the file,
 * the line and column, the entry (its index and benchmark) and the field, with what was
 * expected and what was found:
 * <pre>{@code
 * benchmark results run.json at line 57, column 13, entry 3 (course.bench.PoolBench.fixed), field 'primaryMetric.score': expected a finite number that is not negative, found -1.0
 * }</pre>
 * A missing machine record is not an error ({@link RunResults#machine()} is empty); a malformed
 * one is, named the same way ({@code machine record x.machine.json at line 3, ...}).
 *
 * <pre>{@code
 * RunResults run = Results.latestOrReference();
 * for (BenchResult r : run.ofClass("HandoffBench")) {
 *     System.out.println(r);               // HandoffBench.spsc queue=SynchronousQueue: 912.4 ± 33.0 ns/op
 * }
 * }</pre>
 */
public final class Results {
    /** The suffix of a machine record, replacing {@code .json}. */
    public static final String MACHINE_SUFFIX = ".machine.json";

    private Results() {
    }

    /** The folder {@code make bench} writes to: {@code data/results}. */
    public static Path dir() {
        return Course.data("results");
    }

    /** The folder of the committed reference run: {@code data/results/reference}. */
    public static Path referenceDir() {
        return dir().resolve("reference");
    }

    /**
     * Loads a JMH JSON file and the machine record beside it.
     *
     * @throws ResultsException when the file is missing, not JSON, or not shaped like JMH's output,
     *                          or when its machine record exists but is malformed
     */
    public static RunResults load(Path file) {
        List<JmhEntry> entries;
        try {
            entries = DataFiles.read(file, new TypeReference<List<JmhEntry>>() { });
        } catch (DataFileException e) {
            throw new ResultsException(file, describe(file, e), e);
        }
        return new RunResults(file, entries.stream().map(JmhEntry::result).toList(), machineFor(file));
    }

    /** Where the JSON path of a problem begins with an entry's index: {@code [3].primaryMetric.score}. */
    private static final Pattern ENTRY = Pattern.compile("\\[(\\d+)]\\.?(.*)");

    /** The reader's message, with the entry (index and benchmark) apart from the field inside it. */
    private static String describe(Path file, DataFileException e) {
        StringBuilder s = new StringBuilder("benchmark results ").append(file);
        if (e.line() > 0) {
            s.append(" at line ").append(e.line()).append(", column ").append(e.column());
        }
        String field = e.field();
        Matcher entry = ENTRY.matcher(field == null ? "" : field);
        if (entry.matches()) {
            int index = Integer.parseInt(entry.group(1));
            s.append(", entry ").append(index).append(benchmarkOf(file, index));
            field = entry.group(2);
        }
        if (field != null && !field.isEmpty()) {
            s.append(", field '").append(field).append('\'');
        }
        String problem = e.problem();
        if (e.field() == null && problem.startsWith("expected a list (a JSON array)")) {
            problem = problem.replaceFirst("\\(a JSON array\\)", "(a JSON array) of JMH results, as -rf json writes them");
        }
        return s.append(": ").append(problem).toString();
    }

    /**
     * " (benchmark)" for entry {@code index}, when the file names it before any problem that stops
     * a parser (the name comes early in every JMH entry); else "".
     */
    private static String benchmarkOf(Path file, int index) {
        JsonPointer name = JsonPointer.empty().appendIndex(index).appendProperty("benchmark");
        try (JsonParser p = DataFiles.mapper().createParser(Files.readAllBytes(file))) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME && p.getParsingContext().pathAsPointer().equals(name)) {
                    return p.nextToken() == JsonToken.VALUE_STRING ? " (" + p.getText() + ")" : "";
                }
            }
        } catch (IOException e) {
            // the file breaks before the name
        }
        return "";
    }

    /**
     * One entry of JMH's JSON array, the fields the course reads; everything else is ignored.
     * Missing text and objects are errors here (the reader's {@code Nulls.FAIL}), and the
     * {@link BenchResult} it builds checks the values, in the JSON's own field names.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class JmhEntry {
        /** BenchResult's field names, where JMH's JSON calls them differently. */
        private static final Map<String, String> JSON_NAMES = Map.of("score", "primaryMetric.score",
                "error", "primaryMetric.scoreError", "unit", "primaryMetric.scoreUnit", "samples", "primaryMetric.rawData");
        /** The unit JMH gives an {@code @AuxCounters} events counter, whose score is a sum over iterations. */
        static final String EVENTS_UNIT = "#";

        private final BenchResult result;

        @JsonCreator
        JmhEntry(@JsonProperty("benchmark") @JsonSetter(nulls = Nulls.FAIL) String benchmark,
                 @JsonProperty("mode") @JsonSetter(nulls = Nulls.FAIL) String mode,
                 @JsonProperty("threads") int threads,
                 @JsonProperty("forks") int forks,
                 @JsonProperty("params") @JsonSetter(nulls = Nulls.AS_EMPTY) Map<String, String> params,
                 @JsonProperty("primaryMetric") @JsonSetter(nulls = Nulls.FAIL) JmhMetric metric,
                 @JsonProperty("secondaryMetrics") @JsonSetter(nulls = Nulls.AS_EMPTY) Map<String, JmhMetric> secondary) {
            try {
                Map<String, BenchResult> metrics = new TreeMap<>();
                secondary.forEach((name, m) -> metrics.put(name, secondaryResult(benchmark, params, mode, threads, forks,
                        name, m)));
                result = new BenchResult(benchmark, params, mode, threads, forks, metric.score(), metric.scoreError(),
                        metric.scoreUnit(), metric.samples().size(), metrics);
            } catch (IllegalArgumentException e) {
                String message = e.getMessage();
                int colon = message.indexOf(':');
                String field = colon < 0 ? "" : message.substring(0, colon);
                throw new IllegalArgumentException(JSON_NAMES.getOrDefault(field, field) + message.substring(colon)
                        + (field.equals("score") && !Double.isFinite(metric.score())
                        ? " (JMH writes \"NaN\" or \"+INF\" for a benchmark it could not measure: run it again)" : ""),
                        e);
            }
        }

        BenchResult result() {
            return result;
        }

        /** A secondary metric as a result; an events counter's mean over its iterations, not their sum. */
        private static BenchResult secondaryResult(String benchmark, Map<String, String> params, String mode, int threads,
                                                   int forks, String name, JmhMetric m) {
            List<Double> samples = m.samples();
            boolean events = EVENTS_UNIT.equals(m.scoreUnit()) && !samples.isEmpty();
            try {
                return new BenchResult(benchmark, params, mode, threads, forks,
                        events ? Interval.mean(samples) : m.score(), events ? Interval.halfWidth(samples) : m.scoreError(),
                        m.scoreUnit(), samples.size());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("secondaryMetrics." + name + "." + e.getMessage(), e);
            }
        }
    }

    /** JMH's {@code primaryMetric}: the score, its error and unit, and the raw measurements. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record JmhMetric(@JsonSetter(nulls = Nulls.FAIL) @JsonDeserialize(using = JmhNumber.class) Double score,
                     @JsonSetter(nulls = Nulls.FAIL) @JsonDeserialize(using = JmhNumber.class) Double scoreError,
                     @JsonSetter(nulls = Nulls.FAIL) String scoreUnit,
                     @JsonSetter(nulls = Nulls.AS_EMPTY) List<List<JsonNode>> rawData) {
        /** The raw measurements of every fork, in order (a non-numeric one counts as NaN). */
        List<Double> samples() {
            return rawData.stream().flatMap(List::stream).map(n -> n.isNumber() ? n.doubleValue() : Double.NaN).toList();
        }
    }

    /** A double as JMH writes it: a finite JSON number, or the text "NaN", "+INF" or "-INF". */
    static final class JmhNumber extends StdDeserializer<Double> {
        private static final long serialVersionUID = 1L;

        JmhNumber() {
            super(Double.class);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken().isNumeric()) {
                double value = p.getDoubleValue();
                if (Double.isFinite(value)) {
                    return value;
                }
            } else if (p.currentToken() == JsonToken.VALUE_STRING) {
                switch (p.getText()) {
                    case "NaN" -> {
                        return Double.NaN;
                    }
                    case "+INF" -> {
                        return Double.POSITIVE_INFINITY;
                    }
                    case "-INF" -> {
                        return Double.NEGATIVE_INFINITY;
                    }
                    default -> {
                        // not one of JMH's: fall through to the error
                    }
                }
            }
            return (Double) ctxt.reportInputMismatch(this,
                    "expected a number as JMH writes it (a finite JSON number, or \"NaN\", \"+INF\" or \"-INF\")");
        }
    }

    /**
     * The machine record beside {@code resultsFile}, if there is one.
     *
     * @throws ResultsException when it exists but is malformed
     */
    public static Optional<Machine> machineFor(Path resultsFile) {
        Path machine = machineFile(resultsFile);
        if (!Files.exists(machine)) {
            return Optional.empty();
        }
        try {
            return Optional.of(DataFiles.read(machine, Machine.class));
        } catch (DataFileException e) {
            throw new ResultsException(machine, e.describe("machine record"), e);
        }
    }

    /** Where the machine record of {@code resultsFile} lives: {@code x.json} → {@code x.machine.json}. */
    public static Path machineFile(Path resultsFile) {
        String name = resultsFile.getFileName().toString();
        String base = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        return resultsFile.resolveSibling(base + MACHINE_SUFFIX);
    }

    /**
     * The newest results file in {@code dir} (by modification time, then name), machine records
     * excluded; empty when there is none or the folder does not exist.
     */
    public static Optional<Path> latest(Path dir) {
        return newestFirst(dir).stream().findFirst();
    }

    /**
     * The committed reference run.
     *
     * @throws ResultsException when {@code data/results/reference} holds no results file
     */
    public static RunResults reference() {
        Path dir = referenceDir();
        return load(latest(dir).orElseThrow(() -> new ResultsException(dir,
                "no reference results in " + dir + "; the course ships them there", null)));
    }

    /**
     * The newest complete run made by {@code make bench} in {@link #dir()}, or the reference run
     * when there is none. A run is complete when it has every benchmark the reference has, so a
     * partial run ({@code make bench BENCH=HandoffBench}) is skipped.
     *
     * @throws ResultsException when a results file in the folder, or the reference, is malformed
     */
    public static RunResults latestOrReference() {
        RunResults reference = reference();
        java.util.Set<String> wanted = reference.byLabel().keySet();
        for (Path file : newestFirst(dir())) {
            RunResults run = load(file);
            if (run.byLabel().keySet().containsAll(wanted)) {
                return run;
            }
        }
        return reference;
    }

    /**
     * The run to read one benchmark class from: {@code run} itself when it has results of that
     * class, else the newest run in {@link #dir()} that has them (one made by
     * {@code make bench BENCH=<class>}, say), else the reference run if it has them. A chapter
     * section about a benchmark that is newer than the run being shown reads it this way.
     *
     * @throws ResultsException when no run has results of the class (the message says how to make one)
     */
    public static RunResults withClass(RunResults run, String className) {
        return withClass(run, className, dir(), reference());
    }

    static RunResults withClass(RunResults run, String className, Path dir, RunResults reference) {
        if (!run.ofClass(className).isEmpty()) {
            return run;
        }
        for (Path file : newestFirst(dir)) {
            RunResults other = load(file);
            if (!other.ofClass(className).isEmpty()) {
                return other;
            }
        }
        if (!reference.ofClass(className).isEmpty()) {
            return reference;
        }
        throw new ResultsException(dir, "no run in " + dir + " or the reference has results of " + className
                + "; make them with: make bench BENCH=" + className, null);
    }

    /** The results files of {@code dir}, newest first (machine records excluded). */
    static List<Path> newestFirst(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Results::isResultsFile)
                    .sorted(Comparator.comparing(Results::modified).thenComparing(p -> p.getFileName().toString())
                            .reversed())
                    .toList();
        } catch (IOException e) {
            throw new ResultsException(dir, "cannot list results folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private static boolean isResultsFile(Path p) {
        String n = p.getFileName().toString();
        return Files.isRegularFile(p) && n.endsWith(".json") && !n.endsWith(MACHINE_SUFFIX);
    }

    private static java.nio.file.attribute.FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }
}
