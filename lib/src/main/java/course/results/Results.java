package course.results;

import com.fasterxml.jackson.databind.JsonNode;
import course.Course;
import course.data.DataFileException;
import course.data.DataFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * <p><b>What is read.</b> For each entry of JMH's array: {@code benchmark}, {@code mode},
 * {@code threads}, {@code forks}, {@code params} (optional), and from {@code primaryMetric} the
 * {@code score}, {@code scoreError} ({@code "NaN"} is allowed), {@code scoreUnit} and the number
 * of raw measurements. Every other field is ignored, so files from other JMH versions load too.
 *
 * <p><b>Errors.</b> Every problem is a {@link ResultsException} whose message names the file
 * and, for a misshapen entry, the entry's index, its benchmark and the missing or wrong field.
 * A missing machine record is not an error ({@link RunResults#machine()} is empty); a malformed
 * one is.
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
        JsonNode root;
        try {
            root = DataFiles.readTree(file);
        } catch (DataFileException e) {
            throw new ResultsException(file, "cannot load benchmark results: " + e.getMessage(), e);
        }
        if (!root.isArray()) {
            throw new ResultsException(file, "benchmark results " + file + " should be JMH's JSON output "
                    + "(an array of results), but it holds " + root.getNodeType().toString().toLowerCase() + "", null);
        }
        List<BenchResult> results = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            results.add(entry(file, i, root.get(i)));
        }
        return new RunResults(file, results, machineFor(file));
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
            throw new ResultsException(machine, "malformed machine record: " + e.getMessage(), e);
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

    private static BenchResult entry(Path file, int index, JsonNode node) {
        if (!node.isObject()) {
            throw new ResultsException(file, where(file, index, null) + "is not an object", null);
        }
        String benchmark = text(file, index, null, node, "benchmark");
        JsonNode metric = node.get("primaryMetric");
        if (metric == null || !metric.isObject()) {
            throw new ResultsException(file, where(file, index, benchmark) + "has no 'primaryMetric' object", null);
        }
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode p = node.get("params");
        if (p != null && !p.isNull()) {
            if (!p.isObject()) {
                throw new ResultsException(file, where(file, index, benchmark) + "has 'params' that is not an object", null);
            }
            p.properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
        }
        JsonNode raw = metric.get("rawData");
        int samples = 0;
        if (raw != null && raw.isArray()) {
            for (JsonNode fork : raw) {
                samples += fork.size();
            }
        }
        return new BenchResult(benchmark, params, text(file, index, benchmark, node, "mode"),
                integer(file, index, benchmark, node, "threads"), integer(file, index, benchmark, node, "forks"),
                number(file, index, benchmark, metric, "primaryMetric.score", "score", false),
                number(file, index, benchmark, metric, "primaryMetric.scoreError", "scoreError", true),
                text(file, index, benchmark, metric, "scoreUnit"), samples);
    }

    private static String where(Path file, int index, String benchmark) {
        return "benchmark results " + file + ": entry " + index + (benchmark == null ? " " : " (" + benchmark + ") ");
    }

    private static String text(Path file, int index, String benchmark, JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new ResultsException(file, where(file, index, benchmark) + "has no text field '" + field + "'", null);
        }
        return v.asText();
    }

    private static int integer(Path file, int index, String benchmark, JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new ResultsException(file, where(file, index, benchmark) + "has no whole-number field '" + field + "'", null);
        }
        return v.asInt();
    }

    /** A number; JMH writes NaN and infinities as strings, allowed where {@code nanAllowed}. */
    private static double number(Path file, int index, String benchmark, JsonNode node, String label, String field,
                                 boolean nanAllowed) {
        JsonNode v = node.get(field);
        if (v != null && v.isNumber()) {
            return v.asDouble();
        }
        if (nanAllowed && v != null && v.isTextual() && v.asText().equals("NaN")) {
            return Double.NaN;
        }
        throw new ResultsException(file, where(file, index, benchmark) + "has no number '" + label + "'"
                + (v == null ? "" : " (found " + v + ")"), null);
    }
}
