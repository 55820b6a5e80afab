package course.evidence;

import course.Course;
import course.Numbers;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Objects;

/**
 * A measured statement: what a cell expected, what it measured, and the verdict computed from the
 * two, printed as one line. A chapter's prose says what to look for; the observation, computed on
 * the reader's machine, says whether it held there.
 *
 * <p>An observation is built in four steps: what is measured ({@link #of}), the expected range with
 * its tolerance ({@link Builder#expectAbout}, {@link Builder#expectAtLeast}, ...), optional facts
 * about the run (its {@linkplain Builder#unit unit}, how many {@linkplain Builder#runs runs}, what
 * the value {@linkplain Builder#dependsOn depends on}), and finally the measured value
 * ({@link Builder#measured(double)} or {@link Builder#measuredThat(boolean, String)}). Its
 * {@code toString} is the line to print:
 *
 * <pre>{@code
 * Observation.of("speed-up of 2 workers over 1, CPU-bound jobs")
 *         .expectAbout(2, 0.25).unit("×").runs(12)
 *         .dependsOn("a second idle core")
 *         .measured(1.93);
 * // Observed: speed-up of 2 workers over 1, CPU-bound jobs: expected about 2× (± 25%);
 * //           measured 1.93× over 12 runs — as expected
 * }</pre>
 *
 * <p>When the value falls outside the range the verdict is {@link Verdict#NOT_AS_EXPECTED}, and the
 * line adds what the value depends on and the machine's state (cores, load average), so a reader
 * can tell a busy machine from a wrong idea. An observation marked
 * {@linkplain Builder#judgeOnlyInFullMode() full mode only} says "too small to judge" in quick mode
 * instead of a verdict. The course's notebook check reads the saved lines: a committed notebook
 * whose observation says "not as expected" must explain it in the next cell.
 *
 * @param subject     what was measured, in words
 * @param expectation the range that was expected, with its description
 * @param value       the measured value ({@code NaN} for a qualitative observation)
 * @param measured    the measured value in words, with its unit and run count
 * @param verdict     how the value compares with the expectation
 * @param dependsOn   what the value depends on, or an empty string
 * @param machine     the machine's state when the verdict was computed, e.g. {@code 2 cores, load 0.4}
 */
public record Observation(String subject, Expectation expectation, double value, String measured,
                          Verdict verdict, String dependsOn, String machine) {
    /** The word every observation line starts with; the notebook check looks for it. */
    public static final String PREFIX = "Observed: ";

    /** @throws NullPointerException when a part is null */
    public Observation {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(expectation, "expectation");
        Objects.requireNonNull(measured, "measured");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(dependsOn, "dependsOn");
        Objects.requireNonNull(machine, "machine");
    }

    /**
     * Starts an observation of {@code subject}, for example {@code "speed-up of 2 workers over 1"}.
     *
     * @throws IllegalArgumentException when the subject is blank
     */
    public static Builder of(String subject) {
        Objects.requireNonNull(subject, "subject");
        if (subject.isBlank()) {
            throw new IllegalArgumentException("an observation needs a subject: say what was measured");
        }
        return new Builder(subject.strip());
    }

    /** Whether the measured value was as expected. */
    public boolean held() {
        return verdict == Verdict.AS_EXPECTED;
    }

    /** The printed line: subject, expectation, measurement and verdict. */
    @Override
    public String toString() {
        StringBuilder line = new StringBuilder(PREFIX).append(subject).append(": expected ")
                .append(expectation.description()).append("; measured ").append(measured)
                .append(" — ").append(verdict.phrase());
        switch (verdict) {
            case AS_EXPECTED -> { }
            case NOT_AS_EXPECTED -> {
                line.append(" on this run (").append(machine);
                if (!dependsOn.isEmpty()) {
                    line.append("; it depends on ").append(dependsOn);
                }
                line.append(')');
            }
            case TOO_SMALL_TO_JUDGE -> line.append(" in quick mode; run the chapter in full mode for a verdict");
        }
        return line.toString();
    }

    /** An observation under construction. Not thread-safe; build it in one cell. */
    public static final class Builder {
        private final String subject;
        private Expectation expectation;
        private boolean qualitative;
        private String unit = "";
        private int runs;
        private String dependsOn = "";
        private boolean fullModeOnly;
        private String measuredOn;

        private Builder(String subject) {
            this.subject = subject;
        }

        /**
         * Expects about {@code value}, within {@code tolerance}, a fraction of it (0.25 is ± 25%).
         *
         * @throws IllegalArgumentException when the value is not finite or the tolerance not in [0, 1)
         */
        public Builder expectAbout(double value, double tolerance) {
            return expect(Expectation.about(value, tolerance, unit));
        }

        /** Expects at least {@code bound}. @throws IllegalArgumentException when it is not finite */
        public Builder expectAtLeast(double bound) {
            return expect(Expectation.atLeast(bound, unit));
        }

        /** Expects at most {@code bound}. @throws IllegalArgumentException when it is not finite */
        public Builder expectAtMost(double bound) {
            return expect(Expectation.atMost(bound, unit));
        }

        /** Expects a value in [low, high]. @throws IllegalArgumentException when the bounds are bad */
        public Builder expectBetween(double low, double high) {
            return expect(Expectation.between(low, high, unit));
        }

        /** Expects exactly {@code value}, for counts. @throws IllegalArgumentException when it is not finite */
        public Builder expectExactly(double value) {
            return expect(Expectation.exactly(value, unit));
        }

        /**
         * Expects a property to hold, described in words (for example {@code "no result lost"});
         * finish with {@link #measuredThat(boolean, String)}.
         */
        public Builder expect(String property) {
            Objects.requireNonNull(property, "property");
            if (property.isBlank()) {
                throw new IllegalArgumentException("say what property is expected to hold");
            }
            this.qualitative = true;
            return expect(new Expectation(1, 1, property.strip()));
        }

        private Builder expect(Expectation e) {
            if (expectation != null) {
                throw new IllegalStateException("observation '" + subject + "' already expects "
                        + expectation.description());
            }
            this.expectation = e;
            return this;
        }

        /**
         * The unit of the value, printed after it: {@code "×"} and {@code "%"} follow the number
         * directly, any other unit after a space. Set it before the expectation so that both print it.
         */
        public Builder unit(String unit) {
            this.unit = Objects.requireNonNull(unit, "unit").strip();
            if (expectation != null && !qualitative) {
                throw new IllegalStateException("set the unit of '" + subject + "' before its expectation");
            }
            return this;
        }

        /** How many runs the value summarises (printed as "over N runs"). @throws IllegalArgumentException when not positive */
        public Builder runs(int runs) {
            if (runs <= 0) {
                throw new IllegalArgumentException("runs must be positive, got " + runs);
            }
            this.runs = runs;
            return this;
        }

        /** What the value depends on beyond the code, printed when it is not as expected (cores, load, JIT warm-up). */
        public Builder dependsOn(String reason) {
            this.dependsOn = Objects.requireNonNull(reason, "reason").strip();
            return this;
        }

        /**
         * The machine the value was measured on, when it is not the one running the cell (a JMH
         * run recorded elsewhere, for example); an observation that did not hold names it instead
         * of this machine's cores and load.
         */
        public Builder measuredOn(String machine) {
            Objects.requireNonNull(machine, "machine");
            if (machine.isBlank()) {
                throw new IllegalArgumentException("say which machine the value was measured on");
            }
            this.measuredOn = machine.strip();
            return this;
        }

        /** In quick mode the verdict is "too small to judge": the run is too short for its value to mean anything. */
        public Builder judgeOnlyInFullMode() {
            this.fullModeOnly = true;
            return this;
        }

        /**
         * Finishes the observation with the measured value.
         *
         * @throws IllegalStateException when no numeric expectation was given
         */
        public Observation measured(double value) {
            if (expectation == null || qualitative) {
                throw new IllegalStateException("observation '" + subject + "' needs a numeric expectation "
                        + "(expectAbout, expectAtLeast, expectAtMost, expectBetween or expectExactly) before measured(value)");
            }
            String words = Double.isNaN(value) ? "no value" : format(value, unit);
            return finish(value, words, expectation.accepts(value));
        }

        /**
         * Finishes a qualitative observation: whether the property held, and what was measured, in
         * words with its numbers (for example {@code "0 of 2,000 runs lost a result"}).
         *
         * @throws IllegalStateException when the expectation was not given with {@link #expect(String)}
         */
        public Observation measuredThat(boolean held, String what) {
            Objects.requireNonNull(what, "what");
            if (!qualitative) {
                throw new IllegalStateException("observation '" + subject + "' needs expect(property) before measuredThat");
            }
            return finish(held ? 1 : 0, what.strip(), held);
        }

        private Observation finish(double value, String words, boolean held) {
            String measured = runs > 0 ? words + " over " + String.format(Locale.ROOT, "%,d", runs)
                    + (runs == 1 ? " run" : " runs") : words;
            Verdict verdict = fullModeOnly && Course.quick() ? Verdict.TOO_SMALL_TO_JUDGE
                    : held ? Verdict.AS_EXPECTED : Verdict.NOT_AS_EXPECTED;
            return new Observation(subject, expectation, qualitative ? Double.NaN : value, measured, verdict,
                    dependsOn, measuredOn != null ? "measured on " + measuredOn : machineState());
        }
    }

    /** The machine's state in words: cores, and the load average where the system reports one. */
    static String machineState() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        String cores = Course.cores() + (Course.cores() == 1 ? " core" : " cores");
        return load < 0 ? cores : cores + String.format(Locale.ROOT, ", load %.2f", load);
    }

    /** A value with its unit: {@code 1.93×}, {@code 12.5%}, {@code 3.1 ms}. */
    static String format(double value, String unit) {
        String n = Numbers.plain(value);
        if (unit.isEmpty()) {
            return n;
        }
        return unit.equals("×") || unit.equals("%") ? n + unit : n + " " + unit;
    }
}
