package course.bench;

import course.data.DataFiles;
import course.results.Machine;
import course.results.Results;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Runs the course's JMH suite through JMH's {@link Runner} API and writes its results where the
 * chapter finds them.
 *
 * <p><b>Profiles.</b> {@link Profile#QUICK} (the default): 1 fork, 1 × 1 s warm-up, 3 × 1 s
 * measurement (three, because JMH gives no error below three), about 3.5 minutes for the whole
 * suite on 2 cores. {@link Profile#FULL} ({@code FULL=1}
 * or {@code --full}): 2 forks, 3 × 1 s warm-up, 5 × 1 s measurement, about 14 minutes.
 * Each benchmark file may be run alone by naming it (a regular expression, as for JMH).
 *
 * <p><b>Output.</b> JMH's JSON ({@code -rf json}) goes to {@code <out>/<host>-<date-time>.json}
 * and a {@link Machine} record (cores, JDK, OS, CPU model, the profile) written with Jackson to
 * {@code <out>/<host>-<date-time>.machine.json}; {@code <out>} is {@code data/results} unless
 * {@code --out} says otherwise. Every benchmark runs with JMH's GC profiler ({@code -prof gc}),
 * whose secondary metrics ({@code gc.alloc.rate.norm}: bytes allocated per operation, by every
 * thread of the fork) land in the JSON beside the score; it reads the JVM's allocation counters
 * at the start and end of each iteration, which costs next to nothing. While it runs, one line per finished benchmark shows its score
 * and the time so far.
 *
 * <p><b>Forks.</b> JMH forks a fresh JVM per benchmark with this JVM's class path, so the
 * benchmark classes and JMH must be on it: {@code make bench} puts them there, and so does the
 * course kernel, which is why a notebook can call {@link #run} too.
 *
 * <pre>
 * make bench                       # quick profile, every benchmark
 * make bench FULL=1                # full profile
 * make bench BENCH=HandoffBench    # one file
 * java -cp 'bench/target/course-bench-1.0-SNAPSHOT.jar:bench/target/lib/*' course.bench.Suite \
 *      [--full] [--out DIR] [--note TEXT] [REGEXP ...]
 * </pre>
 */
public final class Suite {
    /**
     * How long JMH measures.
     *
     * @param name                  quick or full
     * @param forks                 fresh JVMs per benchmark
     * @param warmupIterations      warm-up iterations per fork
     * @param measurementIterations measured iterations per fork
     * @param iterationTime         the length of every iteration
     */
    public record Profile(String name, int forks, int warmupIterations, int measurementIterations,
                          Duration iterationTime) {
        /** 1 fork, 1 × 1 s warm-up, 3 × 1 s measurement. */
        public static final Profile QUICK = new Profile("quick", 1, 1, 3, Duration.ofSeconds(1));
        /** 2 forks, 3 × 1 s warm-up, 5 × 1 s measurement. */
        public static final Profile FULL = new Profile("full", 2, 3, 5, Duration.ofSeconds(1));

        /** @throws IllegalArgumentException when a count or the time is not positive */
        public Profile {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(iterationTime, "iterationTime");
            if (forks < 1 || warmupIterations < 0 || measurementIterations < 1 || !iterationTime.isPositive()) {
                throw new IllegalArgumentException("a profile needs at least 1 fork and 1 measurement of positive time, got "
                        + forks + " forks, " + measurementIterations + " measurements of " + iterationTime);
            }
        }

        /** The settings in words, for the machine record. */
        public String describe() {
            double s = iterationTime.toMillis() / 1000.0;
            return String.format(Locale.ROOT, "%d fork%s, %d x %s s warm-up, %d x %s s measurement", forks,
                    forks == 1 ? "" : "s", warmupIterations, fmt(s), measurementIterations, fmt(s));
        }

        private static String fmt(double s) {
            return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
        }
    }

    /** The JVM options of every fork: a fixed heap, so that runs compare. */
    static final String[] FORK_JVM_ARGS = {"-Xms1g", "-Xmx1g", "-Djava.awt.headless=true",
            "--sun-misc-unsafe-memory-access=allow"};   // JMH 1.37 still reads fields through sun.misc.Unsafe
    /** The benchmarks' package: a run selects from it only. */
    static final String PACKAGE = "course.bench.";

    private Suite() {
    }

    public static void main(String[] args) throws RunnerException {
        boolean full = "1".equals(System.getenv("FULL")) || "true".equalsIgnoreCase(System.getenv("FULL"));
        Path out = null;
        String note = "";
        List<String> includes = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--full" -> full = true;
                case "--quick" -> full = false;
                case "--out" -> out = Path.of(value(args, ++i, "--out"));
                case "--note" -> note = value(args, ++i, "--note");
                case "-h", "--help" -> {
                    System.out.println("usage: Suite [--full] [--out DIR] [--note TEXT] [REGEXP ...]");
                    return;
                }
                default -> {
                    if (args[i].startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + args[i] + "; try --help");
                    }
                    if (!args[i].isBlank()) {
                        includes.add(args[i]);
                    }
                }
            }
        }
        Path json = run(full ? Profile.FULL : Profile.QUICK, out == null ? Results.dir() : out, note,
                System.out, includes.toArray(String[]::new));
        System.out.println("results: " + json);
        System.out.println("machine: " + Results.machineFile(json));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    /**
     * Runs the benchmarks whose names match any of {@code includes} (all of them when none),
     * printing one line per finished benchmark to {@code progress}, and writes the JSON and the
     * machine record into {@code outDir}.
     *
     * @return the JSON file
     * @throws RunnerException          when JMH fails, or a benchmark throws
     * @throws IllegalArgumentException when no benchmark matches
     */
    public static Path run(Profile profile, Path outDir, String note, PrintStream progress, String... includes)
            throws RunnerException {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(progress, "progress");
        List<String> patterns = new ArrayList<>();
        for (String include : includes) {
            patterns.add(include.startsWith(PACKAGE) ? include : PACKAGE + ".*" + include);
        }
        if (patterns.isEmpty()) {
            patterns.add(PACKAGE + ".*");
        }
        int total = count(patterns);
        if (total == 0) {
            throw new IllegalArgumentException("no benchmark matches " + patterns);
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss", Locale.ROOT));
        Path json = outDir.resolve(Machine.hostName() + "-" + stamp + ".json").toAbsolutePath();
        try {
            Files.createDirectories(outDir);
        } catch (java.io.IOException e) {
            throw new RunnerException("cannot create " + outDir + ": " + e.getMessage(), e);
        }
        ChainedOptionsBuilder options = new OptionsBuilder()
                .forks(profile.forks())
                .warmupIterations(profile.warmupIterations())
                .warmupTime(TimeValue.milliseconds(profile.iterationTime().toMillis()))
                .measurementIterations(profile.measurementIterations())
                .measurementTime(TimeValue.milliseconds(profile.iterationTime().toMillis()))
                .jvmArgs(FORK_JVM_ARGS)
                .addProfiler(GCProfiler.class)   // -prof gc: bytes allocated per operation, GC counts
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString());
        patterns.forEach(options::include);
        progress.printf(Locale.ROOT, "%s profile (%s): %d benchmarks%n", profile.name(), profile.describe(), total);
        Instant started = Instant.now();
        new Runner(options.build(), new Progress(progress, total)).run();
        long elapsed = Duration.between(started, Instant.now()).toSeconds();
        DataFiles.write(Results.machineFile(json), Machine.probe(profile.name(), profile.describe(), started,
                elapsed, note == null ? "" : note));
        return json;
    }

    /** How many benchmarks (methods times parameter combinations) match the patterns. */
    static int count(List<String> patterns) {
        OutputFormat quiet = OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT);
        int n = 0;
        for (BenchmarkListEntry entry : BenchmarkList.defaultList().find(quiet, patterns, List.of())) {
            int combos = 1;
            if (entry.getParams().hasValue()) {
                for (Map.Entry<String, String[]> p : entry.getParams().get().entrySet()) {
                    combos *= p.getValue().length;
                }
            }
            n += combos;
        }
        return n;
    }
}
