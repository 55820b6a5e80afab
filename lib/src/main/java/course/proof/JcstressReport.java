package course.proof;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JCStress's results, read back from the text it prints at the end of a run with {@code -v}
 * (the "RUN RESULTS" section): for each test, its status and its outcome table, summed across
 * every JVM configuration it ran in.
 *
 * <pre>{@code
 * JcstressReport report = JcstressReport.parse(run.lines(), run.elapsed());
 * JcstressReport.Test wrong = report.test("WrongClient");
 * wrong.count("2");              // samples in which the client saw both results
 * wrong.seen(Expect.INTERESTING) // samples of any "interesting" outcome
 * }</pre>
 *
 * @param tests   the tests, in the order JCStress printed them
 * @param elapsed how long the run took, start of the JVM to exit
 */
public record JcstressReport(List<Test> tests, Duration elapsed) {
    /** How JCStress grades an outcome, as its {@code @Outcome(expect = ...)} says. */
    public enum Expect {
        /** Allowed and unremarkable. */
        ACCEPTABLE,
        /** Allowed, but worth seeing: the race happened. */
        INTERESTING,
        /** Must never appear: seeing it fails the test. */
        FORBIDDEN;

        static Expect of(String word) {
            return switch (word) {
                case "Acceptable" -> ACCEPTABLE;
                case "Interesting" -> INTERESTING;
                case "Forbidden" -> FORBIDDEN;
                default -> throw new IllegalArgumentException("unknown JCStress expectation " + word);
            };
        }
    }

    /**
     * One row of a test's outcome table.
     *
     * @param outcome     the observed values, as JCStress prints them ("1, 0")
     * @param samples     how many times it was observed
     * @param expect      its grade
     * @param description the {@code @Outcome}'s description
     */
    public record Outcome(String outcome, long samples, Expect expect, String description) {
    }

    /**
     * One test's result.
     *
     * @param name     the test's class name, fully qualified
     * @param status   JCStress's verdict: OK, FAILED, ERROR...
     * @param outcomes its outcome table
     */
    public record Test(String name, String status, List<Outcome> outcomes) {
        /** Copies the list. */
        public Test {
            outcomes = List.copyOf(outcomes);
        }

        /** The class's simple name, nested classes included ("LostResultsTests.WrongClient"). */
        public String shortName() {
            String[] parts = name.split("\\.");
            return parts.length < 2 ? name : parts[parts.length - 2] + "." + parts[parts.length - 1];
        }

        /** Samples of outcome {@code outcome}; 0 when the table has no such row. */
        public long count(String outcome) {
            return outcomes.stream().filter(o -> o.outcome().equals(outcome)).mapToLong(Outcome::samples).sum();
        }

        /** Samples of every outcome graded {@code expect}. */
        public long seen(Expect expect) {
            return outcomes.stream().filter(o -> o.expect() == expect).mapToLong(Outcome::samples).sum();
        }

        /** Samples in all. */
        public long samples() {
            return outcomes.stream().mapToLong(Outcome::samples).sum();
        }

        /** Outcome {@code outcome}'s share of the samples, in percent; 0 when there were none. */
        public double percent(String outcome) {
            long all = samples();
            return all == 0 ? 0 : 100.0 * count(outcome) / all;
        }

        /** The outcome table as JCStress prints it, headed by the test's name and status. */
        public String table() {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%s [%s]%n  %-8s %13s %9s  %-11s  %s%n",
                    shortName(), status, "outcome", "samples", "share", "expect", "description"));
            long all = samples();
            for (Outcome o : outcomes) {
                out.append(String.format(Locale.ROOT, "  %-8s %,13d %8.3f%%  %-11s  %s%n", o.outcome(), o.samples(),
                        all == 0 ? 0 : 100.0 * o.samples() / all, o.expect().name().toLowerCase(Locale.ROOT), o.description()));
            }
            return out.toString();
        }
    }

    private static final Pattern TEST = Pattern.compile("^\\.+ \\[(\\w[\\w ]*)] (\\S+)\\s*$");
    private static final Pattern ROW = Pattern.compile(
            "^\\s+(.+?)\\s+([\\d,]+)\\s+[<>]?[\\d.]+%\\s+(Acceptable|Interesting|Forbidden)\\s+(.*)$");

    /** Copies the list. */
    public JcstressReport {
        tests = List.copyOf(tests);
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /**
     * Reads the "RUN RESULTS" section of JCStress's output.
     *
     * @throws IllegalArgumentException when the output has no such section (the run failed early)
     */
    public static JcstressReport parse(List<String> lines, Duration elapsed) {
        int start = lines.indexOf("RUN RESULTS:");
        if (start < 0) {
            throw new IllegalArgumentException("JCStress printed no RUN RESULTS section; its last lines: "
                    + lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        }
        Map<String, Test> tests = new LinkedHashMap<>();
        String name = null;
        String status = null;
        List<Outcome> rows = new ArrayList<>();
        for (String line : lines.subList(start, lines.size())) {
            Matcher test = TEST.matcher(line);
            Matcher row = ROW.matcher(line);
            if (test.matches()) {
                if (name != null) {
                    tests.putIfAbsent(name, new Test(name, status, rows));
                }
                status = test.group(1);
                name = test.group(2);
                rows = new ArrayList<>();
            } else if (name != null && row.matches()) {
                rows.add(new Outcome(row.group(1).trim(), Long.parseLong(row.group(2).replace(",", "")),
                        Expect.of(row.group(3)), row.group(4).trim()));
            }
        }
        if (name != null) {
            tests.putIfAbsent(name, new Test(name, status, rows));
        }
        return new JcstressReport(new ArrayList<>(tests.values()), elapsed);
    }

    /**
     * The test whose name ends with {@code suffix} ("WrongClient", "MemoryModelTests.PlainFlag").
     *
     * @throws NoSuchElementException when no test, or more than one, matches
     */
    public Test test(String suffix) {
        List<Test> found = tests.stream().filter(t -> t.name().endsWith(suffix)).toList();
        if (found.size() != 1) {
            throw new NoSuchElementException(found.size() + " tests end with " + suffix + " among "
                    + tests.stream().map(Test::shortName).toList());
        }
        return found.getFirst();
    }
}
