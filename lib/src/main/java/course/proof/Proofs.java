package course.proof;

import course.Course;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs chapter 8's JCStress tests and Lincheck checks from the {@code prove/} module in a child
 * JVM, in quick or full mode ({@link Course#quick()}), and judges what they showed.
 *
 * <p>Settings. JCStress: quick mode runs one fork of one 200 ms iteration per JVM configuration
 * ({@link #JCSTRESS_QUICK}); full mode runs its own {@code -m quick} preset (two forks of five
 * iterations). Both use {@code -sc false}: every actor compiled the same way, which runs fewer
 * configurations. Lincheck: quick mode tries {@link #LINCHECK_QUICK} scenarios, full mode
 * {@link #LINCHECK_FULL}, exploring up to a fixed number of interleavings of each.
 *
 * <pre>{@code
 * JcstressReport report = Proofs.jcstress("course.prove");         // every JCStress test
 * Proofs.LincheckRun checks = Proofs.lincheck();                   // every Lincheck check
 * Proofs.verdicts(report, checks.checks()).forEach(System.out::println);
 * }</pre>
 */
public final class Proofs {
    /** JCStress's settings in quick mode. */
    public static final List<String> JCSTRESS_QUICK = List.of("-m", "quick", "-sc", "false", "-f", "1", "-iters", "1", "-time", "200");
    /** JCStress's settings in full mode: its own quick preset. */
    public static final List<String> JCSTRESS_FULL = List.of("-m", "quick", "-sc", "false");
    /** Lincheck scenarios in quick mode. */
    public static final int LINCHECK_QUICK = 3;
    /** Lincheck scenarios in full mode. */
    public static final int LINCHECK_FULL = 20;
    /** Interleavings Lincheck explores per scenario, at most. */
    public static final int INVOCATIONS = 1_000;
    /** The Lincheck checks, by name: two course structures, then the broken semaphore. */
    public static final List<String> LINCHECK_NAMES = List.of("token-semaphore", "channel", "check-then-act-semaphore");

    /** What each JCStress test is expected to show, by the end of its name. */
    public static final Map<String, Verdict.Kind> JCSTRESS_KINDS = Map.of(
            "LostResultsTests.WrongClient", Verdict.Kind.BROKEN,
            "LostResultsTests.RightClient", Verdict.Kind.RIGHT,
            "MemoryModelTests.PlainCounter", Verdict.Kind.BROKEN,
            "MemoryModelTests.AtomicCounter", Verdict.Kind.RIGHT,
            "MemoryModelTests.PlainFlag", Verdict.Kind.MAY_SHOW,
            "MemoryModelTests.VolatileFlag", Verdict.Kind.RIGHT);
    /** What each Lincheck check is expected to show. */
    public static final Map<String, Verdict.Kind> LINCHECK_KINDS = Map.of(
            "token-semaphore", Verdict.Kind.RIGHT,
            "channel", Verdict.Kind.RIGHT,
            "check-then-act-semaphore", Verdict.Kind.BROKEN);

    private static final List<String> JCSTRESS_JVM = List.of("--enable-native-access=ALL-UNNAMED");
    private static final List<String> LINCHECK_JVM = List.of("-XX:+EnableDynamicAgentLoading",
            "--sun-misc-unsafe-memory-access=allow", "-Xshare:off");
    /** Shows a JCStress progress line at most this often. */
    private static final long PROGRESS_EVERY_NANOS = 10_000_000_000L;

    private Proofs() {
    }

    /** The course's root folder (the parent of {@code data/}). */
    public static Path root() {
        return Course.dataDir().toAbsolutePath().getParent();
    }

    /** Where the child JVMs run and JCStress writes its files: {@code build/prove/}. */
    public static Path workDir() {
        return root().resolve("build").resolve("prove");
    }

    /**
     * The {@code prove/} module's class path: its jar and the jars it needs.
     *
     * @throws IllegalStateException when the module is not built
     */
    public static String classPath() {
        Path target = root().resolve("prove").resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            Path jar = files.filter(p -> p.getFileName().toString().matches("course-prove-.*(?<!sources|tests)\\.jar"))
                    .findFirst().orElseThrow(() -> notBuilt(target));
            if (!Files.isDirectory(target.resolve("lib"))) {
                throw notBuilt(target);
            }
            return jar + File.pathSeparator + target.resolve("lib") + File.separator + "*";
        } catch (IOException e) {
            throw notBuilt(target);
        }
    }

    /** JCStress's settings for the current mode. */
    public static List<String> jcstressSettings() {
        return Course.quick() ? JCSTRESS_QUICK : JCSTRESS_FULL;
    }

    /** Lincheck's scenarios for the current mode. */
    public static int lincheckScenarios() {
        return Course.quick() ? LINCHECK_QUICK : LINCHECK_FULL;
    }

    /**
     * Runs the JCStress tests whose names match {@code regex} with the current mode's settings,
     * showing a progress line on standard output every few seconds, and reads their results.
     */
    public static JcstressReport jcstress(String regex) {
        return jcstress(regex, jcstressSettings(), throttled(System.out::println));
    }

    /** Runs the JCStress tests matching {@code regex} with {@code settings}, streaming every line to {@code progress}. */
    public static JcstressReport jcstress(String regex, List<String> settings, Consumer<String> progress) {
        List<String> args = new ArrayList<>(List.of("-t", regex, "-v", "-r", workDir().resolve("jcstress").toString()));
        args.addAll(settings);
        ChildJvm.Run run = ChildJvm.run(workDir(), classPath(), JCSTRESS_JVM, "org.openjdk.jcstress.Main", args, progress);
        return JcstressReport.parse(run.lines(), run.elapsed());
    }

    /**
     * What one child JVM's Lincheck checks found.
     *
     * @param checks  each check's report, in the order asked
     * @param elapsed the child JVM's whole run: start-up, Lincheck's instrumentation, every search
     */
    public record LincheckRun(List<LincheckReport> checks, Duration elapsed) {
        /** Copies the list. */
        public LincheckRun {
            checks = List.copyOf(checks);
        }

        /**
         * The report of check {@code name}.
         *
         * @throws NoSuchElementException when the run had no such check
         */
        public LincheckReport check(String name) {
            return checks.stream().filter(c -> c.check().equals(name)).findFirst()
                    .orElseThrow(() -> new NoSuchElementException("no Lincheck check " + name + " in this run"));
        }
    }

    /** Runs every Lincheck check, in one child JVM, with the current mode's number of scenarios. */
    public static LincheckRun lincheck() {
        return lincheck(LINCHECK_NAMES, lincheckScenarios(), line -> { });
    }

    /**
     * Runs the Lincheck checks {@code names} on {@code scenarios} scenarios each, one after the
     * other in one child JVM (so that its start-up and Lincheck's instrumentation are paid once),
     * streaming every line to {@code progress}.
     *
     * @throws IllegalArgumentException when a name is not a check or {@code scenarios} is not positive
     */
    public static LincheckRun lincheck(List<String> names, int scenarios, Consumer<String> progress) {
        for (String name : names) {
            if (!LINCHECK_NAMES.contains(name)) {
                throw new IllegalArgumentException("names must be among " + LINCHECK_NAMES + ", got " + name);
            }
        }
        if (names.isEmpty() || scenarios <= 0) {
            throw new IllegalArgumentException("need a check and a positive number of scenarios, got "
                    + names + " and " + scenarios);
        }
        ChildJvm.Run run = ChildJvm.run(workDir(), classPath(), LINCHECK_JVM, "course.prove.ProveMain",
                List.of("lincheck", String.join(",", names), String.valueOf(scenarios), String.valueOf(INVOCATIONS)), progress);
        List<LincheckReport> reports = new ArrayList<>();
        for (String name : names) {
            reports.add(LincheckReport.parse(name, run.lines()));
        }
        return new LincheckRun(reports, run.elapsed());
    }

    /** Judges every test in {@code report} and every check in {@code checks} against what it should show. */
    public static List<Verdict> verdicts(JcstressReport report, List<LincheckReport> checks) {
        List<Verdict> verdicts = new ArrayList<>();
        for (JcstressReport.Test t : report.tests()) {
            Verdict.Kind kind = JCSTRESS_KINDS.getOrDefault(t.shortName(), Verdict.Kind.RIGHT);
            long bad = t.seen(JcstressReport.Expect.FORBIDDEN) + t.seen(JcstressReport.Expect.INTERESTING);
            boolean failed = !t.status().equals("OK") && t.seen(JcstressReport.Expect.FORBIDDEN) == 0;
            verdicts.add(Verdict.of(t.shortName(), "JCStress", kind, bad > 0 || failed, String.format(Locale.ROOT,
                    "%,d of %,d samples bad, JCStress says %s", bad, t.samples(), t.status())));
        }
        for (LincheckReport c : checks) {
            verdicts.add(Verdict.of(c.check(), "Lincheck", LINCHECK_KINDS.getOrDefault(c.check(), Verdict.Kind.RIGHT),
                    !c.passed(), (c.passed() ? "no interleaving broke it" : "an interleaving broke it")
                            + " in " + c.search().toMillis() + " ms of search"));
        }
        return verdicts;
    }

    /**
     * Passes on JCStress's progress lines ("(Results: ...)") at most every 10 s, and every
     * failed test's line at once; drops the rest (the outcome tables are parsed afterwards).
     */
    public static Consumer<String> throttled(Consumer<String> out) {
        long[] last = {System.nanoTime() - PROGRESS_EVERY_NANOS};
        return line -> {
            boolean progress = line.startsWith("(Results:");
            boolean failure = line.matches("^\\.+ \\[(FAILED|ERROR).*");
            long now = System.nanoTime();
            if (failure || progress && now - last[0] >= PROGRESS_EVERY_NANOS) {
                last[0] = now;
                out.accept(line.replaceAll("[()]", "").trim());
            }
        };
    }

    private static IllegalStateException notBuilt(Path target) {
        return new IllegalStateException("the prove/ module is not built in " + target + "; run 'make build'");
    }

}
