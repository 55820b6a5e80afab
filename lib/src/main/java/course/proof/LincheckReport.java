package course.proof;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One Lincheck check's result, read back from what {@code course.prove.ProveMain lincheck}
 * prints: whether any interleaving broke linearizability, how long the search took, and, on a
 * failure, Lincheck's report.
 *
 * <p>The report has three parts, which {@link #results()}, {@link #interleaving()} and
 * {@link #detailedTrace()} return: the scenario with the results no one-thread order can give
 * ("Invalid execution results"), the interleaving that produced them, thread by thread, with
 * every switch, and the same interleaving with each shared read ({@code x ➜ v}) and write
 * ({@code x = v}) and its source line.
 *
 * <pre>{@code
 * LincheckReport r = LincheckReport.parse("check-then-act-semaphore", run.lines());
 * r.passed();          // false
 * r.interleaving();    // the table after "The following interleaving leads to the error:"
 * }</pre>
 *
 * @param check   the check's name
 * @param passed  whether Lincheck found nothing wrong
 * @param search  how long Lincheck searched, as the child measured it (JVM start-up excluded)
 * @param report  Lincheck's report; empty when it passed
 */
public record LincheckReport(String check, boolean passed, Duration search, String report) {
    /** What ProveMain prints before a check's verdict. */
    public static final String VERDICT = "lincheck verdict: ";
    /** What ProveMain prints after a failed check's report. */
    public static final String END = "lincheck end of report";

    private static final String INTERLEAVING = "The following interleaving leads to the error:";
    private static final String DETAILED = "Detailed trace:";

    /** Checks the arguments. */
    public LincheckReport {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(report, "report");
    }

    /**
     * Reads ProveMain's output: a line {@code "lincheck verdict: <check> passed|failed <ms> ms"},
     * then, after a failure, the report up to {@link #END}.
     *
     * @throws IllegalArgumentException when the output has no verdict for {@code check}
     */
    public static LincheckReport parse(String check, List<String> lines) {
        String prefix = VERDICT + check + " ";
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                String[] words = lines.get(i).substring(prefix.length()).trim().split(" ");
                boolean passed = words[0].equals("passed");
                Duration search = Duration.ofMillis(Long.parseLong(words[1]));
                int end = i + 1;
                while (!passed && end < lines.size() && !lines.get(end).equals(END)) {
                    end++;
                }
                String report = passed ? "" : String.join("\n", lines.subList(i + 1, end)).strip();
                return new LincheckReport(check, passed, search, report);
            }
        }
        throw new IllegalArgumentException("no Lincheck verdict for " + check + " in the output; its last lines: "
                + lines.subList(Math.max(0, lines.size() - 10), lines.size()));
    }

    /** The results no one-thread order explains ("Invalid execution results"); empty when it passed. */
    public String results() {
        int at = report.indexOf(INTERLEAVING);
        return (at < 0 ? report : report.substring(0, at)).strip();
    }

    /** The interleaving that breaks it, without the per-access detail; empty when it passed. */
    public String interleaving() {
        int from = report.indexOf(INTERLEAVING);
        if (from < 0) {
            return "";
        }
        int to = report.indexOf(DETAILED, from);
        return report.substring(from + INTERLEAVING.length(), to < 0 ? report.length() : to).strip();
    }

    /** The interleaving with every shared read and write and its source line; empty when it passed. */
    public String detailedTrace() {
        int from = report.indexOf(DETAILED);
        return from < 0 ? "" : report.substring(from + DETAILED.length()).strip();
    }
}
