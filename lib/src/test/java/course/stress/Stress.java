package course.stress;

import course.pipeline.Pipeline;
import course.pool.WorkerPool;
import course.semaphore.SemaphorePool;
import course.testing.Delays;
import course.testing.TestThreads;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The stress suite (issue 12): randomized runs of chapter 1's and chapter 2's pools, the token
 * semaphore, the bounded executor and the pipeline, with random cancels, deadlines, closes,
 * failing jobs, slow readers and buffer sizes, one after another until the time is up. Each run
 * checks that no result is lost or duplicated, that it ends, and that no thread is left; a
 * stopped run also records its stop latency, from the stop (cancel, deadline, close, shutdown or
 * failure) to the moment everything had ended. The report gives runs, violations and the
 * latencies' p50 / p99 / max per scenario.
 *
 * <p>Every run draws its settings from its own seed, drawn in turn from the suite's seed, which
 * is printed first. The same seed gives the same sequence of settings (not the same timing):
 * <ul>
 *   <li>{@code -Dstress.seconds=180}: how long to run (4 s unless set: the short version that
 *       {@code make test} runs; {@code make stress} runs a few minutes);</li>
 *   <li>{@code -Dstress.seed=...}: the suite's seed (a fresh one unless set);</li>
 *   <li>{@code -Dstress.replay=worker-pool:1234}: run only that scenario from that run seed,
 *       again and again for the whole time (a violation's report prints it).</li>
 * </ul>
 *
 * <pre>{@code
 * make stress                                                       # a few minutes
 * mvn -pl lib test -Dtest=StressTest -Dstress.seconds=30 -Dstress.seed=42
 * }</pre>
 */
public final class Stress {
    /** The system properties that steer the suite. */
    public static final String SECONDS = "stress.seconds";
    public static final String SEED = "stress.seed";
    public static final String REPLAY = "stress.replay";
    /** How long the short version runs. */
    static final Duration SHORT_VERSION = Duration.ofSeconds(4);
    /** How many violations the report lists in full. */
    private static final int LISTED = 40;

    private Stress() {
    }

    /** What a suite run found. */
    record Report(long seed, long runs, long violations, List<String> listed, String text) {
    }

    /** Every scenario, in the order they take turns. */
    static List<Scenario> scenarios() {
        return List.of(new PoolScenario(false), new PoolScenario(true), new SemaphoreScenario(),
                new ExecutorScenario(), new PipelineScenario());
    }

    /** The length the properties ask for. */
    static Duration length() {
        String seconds = System.getProperty(SECONDS);
        return seconds == null || seconds.isBlank() ? SHORT_VERSION : Duration.ofSeconds(Long.parseLong(seconds.trim()));
    }

    /** The seed the properties ask for, or a fresh one. */
    static long seed() {
        String seed = System.getProperty(SEED);
        return seed == null || seed.isBlank() ? System.nanoTime() : Long.parseLong(seed.trim());
    }

    /**
     * Runs the scenarios in turn for {@code length} (or only the run {@code replay} names,
     * {@code name:seed}, if not null), printing the seed first and the report last to {@code log}.
     */
    static Report run(Duration length, long seed, String replay, PrintStream log) throws InterruptedException {
        List<Scenario> all = scenarios();
        List<Scenario> turns = all;
        long replaySeed = 0;
        if (replay != null && !replay.isBlank()) {
            String[] parts = replay.trim().split(":", 2);
            turns = all.stream().filter(s -> s.name().equals(parts[0])).toList();
            if (turns.isEmpty() || parts.length != 2) {
                throw new IllegalArgumentException(REPLAY + " must be name:seed with a name of "
                        + all.stream().map(Scenario::name).toList() + ", got '" + replay + "'");
            }
            replaySeed = Long.parseLong(parts[1]);
        }
        log.printf(Locale.ROOT, "stress: seed %d (replay with -D%s=%d), %d s, %d cores, delays x%s%n", seed, SEED, seed,
                length.toSeconds(), Runtime.getRuntime().availableProcessors(), Delays.SCALE);
        Map<String, Long> before = liveThreads();
        Map<String, Tally> tallies = new LinkedHashMap<>();
        turns.forEach(s -> tallies.put(s.name(), new Tally()));
        List<String> listed = new ArrayList<>();
        SplittableRandom seeds = new SplittableRandom(seed);
        long begin = System.nanoTime();
        long end = begin + length.toNanos();
        long nextProgress = begin + Duration.ofSeconds(30).toNanos();
        long runs = 0;
        long violations = 0;
        while (System.nanoTime() - end < 0) {
            Scenario scenario = turns.get((int) (runs % turns.size()));
            long runSeed = replay != null && !replay.isBlank() ? replaySeed : seeds.nextLong();
            Outcome outcome = new Outcome();
            try {
                scenario.run(new SplittableRandom(runSeed), outcome);
            } catch (Throwable e) {
                outcome.violation("threw " + e);
            }
            runs++;
            Tally tally = tallies.get(scenario.name());
            tally.runs++;
            if (outcome.stopLatencyNanos() != Outcome.NOT_STOPPED) {
                tally.latencies.add(outcome.stopLatencyNanos());
            }
            for (String v : outcome.violations()) {
                violations++;
                tally.violations++;
                String line = scenario.name() + " run " + runs + " (-D" + REPLAY + "=" + scenario.name() + ":" + runSeed
                        + "), " + outcome.settings() + ": " + v;
                if (listed.size() < LISTED) {
                    listed.add(line);
                    log.println("VIOLATION " + line);
                }
            }
            long now = System.nanoTime();
            if (now - nextProgress >= 0) {
                log.printf(Locale.ROOT, "stress: %d s, %d runs, %d violations%n", (now - begin) / 1_000_000_000L, runs, violations);
                nextProgress = now + Duration.ofSeconds(30).toNanos();
            }
        }
        violations += leftovers(before, listed, log);
        String text = report(seed, tallies, System.nanoTime() - begin, violations);
        log.print(text);
        return new Report(seed, runs, violations, listed, text);
    }

    /** The live threads of each family the suite starts, by family. */
    private static Map<String, Long> liveThreads() {
        Map<String, Long> live = new LinkedHashMap<>();
        live.put("worker-pool threads", (long) WorkerPool.liveThreads());
        live.put("semaphore-pool threads", (long) SemaphorePool.liveThreads());
        live.put("pipeline threads", (long) Pipeline.liveThreads().size());
        live.put("stress threads", TestThreads.alive("stress-"));
        return live;
    }

    /**
     * Threads the runs left behind, beyond those alive {@code before} the suite began (which an
     * earlier test may have left); each family with more counts as a violation.
     */
    private static long leftovers(Map<String, Long> before, List<String> listed, PrintStream log)
            throws InterruptedException {
        long found = 0;
        long deadline = System.nanoTime() + Delays.LONG.toNanos();
        Map<String, Long> left = liveThreads();
        while (System.nanoTime() - deadline < 0 && left.keySet().stream().anyMatch(k -> left.get(k) > before.get(k))) {
            Thread.sleep(10);
            left.putAll(liveThreads());
        }
        for (Map.Entry<String, Long> e : left.entrySet()) {
            long extra = e.getValue() - before.get(e.getKey());
            if (extra > 0) {
                found++;
                String line = "after every run, " + extra + " more " + e.getKey() + " alive than before the suite";
                listed.add(line);
                log.println("VIOLATION " + line);
            }
        }
        return found;
    }

    private static String report(long seed, Map<String, Tally> tallies, long elapsedNanos, long violations) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%-18s %8s %8s %10s   %s%n", "scenario", "runs", "stopped",
                "violations", "stop latency p50 / p99 / max"));
        Tally total = new Tally();
        for (Map.Entry<String, Tally> e : tallies.entrySet()) {
            Tally t = e.getValue();
            text.append(t.line(e.getKey()));
            total.runs += t.runs;
            total.violations += t.violations;
            total.latencies.addAll(t.latencies);
        }
        total.violations = violations;                      // with any threads left after every run
        text.append(total.line("all"));
        text.append(String.format(Locale.ROOT, "stress: %d runs in %.0f s, %d violations, seed %d%n", total.runs,
                elapsedNanos / 1e9, violations, seed));
        return text.toString();
    }

    /** One scenario's figures. */
    private static final class Tally {
        long runs;
        long violations;
        final Latencies latencies = new Latencies();

        String line(String name) {
            return String.format(Locale.ROOT, "%-18s %8d %8d %10d   %s%n", name, runs, latencies.count(), violations,
                    latencies.summary());
        }
    }

    /**
     * Runs the suite from the command line: {@code java ... course.stress.Stress [seconds]};
     * exits with status 1 when it found a violation.
     */
    public static void main(String[] args) throws InterruptedException {
        Duration length = args.length > 0 ? Duration.ofSeconds(Long.parseLong(args[0])) : length();
        Report report = run(length, seed(), System.getProperty(REPLAY), System.out);
        System.exit(report.violations() == 0 ? 0 : 1);
    }
}
