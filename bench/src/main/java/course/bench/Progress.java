package course.bench;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;

/**
 * JMH output reduced to one line per benchmark as it finishes, so that a long run is never
 * silent and never floods the terminal:
 *
 * <pre>
 * [ 3/34]  0:41  PoolBench.workerPoolPlatform task=noop        1234.5 ± 56.7 ns/op
 * </pre>
 *
 * Anything else JMH prints (a forked JVM's own output, a benchmark's exception, warnings) is
 * passed through unchanged, so failures stay visible.
 */
final class Progress implements OutputFormat {
    private final PrintStream out;
    private final int total;
    private final long started = System.nanoTime();
    /** Benchmarks finished so far. Only JMH's runner thread calls in, one call at a time. */
    private int done;

    /**
     * @param out   where the lines go
     * @param total how many benchmarks the run will have, or 0 when unknown
     */
    Progress(PrintStream out, int total) {
        this.out = Objects.requireNonNull(out, "out");
        this.total = total;
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
        done++;
        String count = total > 0 ? String.format(Locale.ROOT, "[%2d/%d]", done, total) : "[" + done + "]";
        String name = result == null ? "?" : label(result.getParams());
        Result<?> primary = result == null ? null : result.getPrimaryResult();
        String score = primary == null ? "no result (see the errors above)"
                : String.format(Locale.ROOT, "%12.1f ± %s %s", primary.getScore(), error(primary.getScoreError()),
                primary.getScoreUnit());
        out.printf(Locale.ROOT, "%s %s  %-58s %s%n", count, elapsed(), name, score);
        out.flush();
    }

    static String label(BenchmarkParams params) {
        String[] parts = params.getBenchmark().split("\\.");
        int first = parts.length - 2;        // keep nested classes: PipelineBench.Baselines.plainLoop
        while (first > 0 && !parts[first - 1].isEmpty() && Character.isUpperCase(parts[first - 1].charAt(0))) {
            first--;
        }
        StringBuilder sb = new StringBuilder(String.join(".", java.util.Arrays.copyOfRange(parts, first, parts.length)));
        for (String key : params.getParamsKeys()) {
            sb.append(' ').append(key).append('=').append(params.getParam(key));
        }
        return sb.toString();
    }

    private static String error(double error) {
        return Double.isNaN(error) ? "?" : String.format(Locale.ROOT, "%.1f", error);
    }

    private String elapsed() {
        Duration d = Duration.ofNanos(System.nanoTime() - started);
        return String.format(Locale.ROOT, "%3d:%02d", d.toMinutes(), d.toSecondsPart());
    }

    @Override
    public void endRun(Collection<RunResult> results) {
        out.printf(Locale.ROOT, "%d benchmarks in %s (min:s)%n", done, elapsed().strip());
        out.flush();
    }

    @Override
    public void print(String s) {
        out.print(s);
    }

    /** Passes a line through, except JMH's own per-fork chatter, which the progress lines replace. */
    @Override
    public void println(String s) {
        if (s == null || s.isBlank() || s.startsWith("# Run progress") || s.startsWith("# Fork:")
                || s.startsWith("# Warmup Fork:")) {
            return;
        }
        out.println(s);
    }

    @Override
    public void verbosePrintln(String s) {
        // only in verbose mode; this format is the quiet one
    }

    @Override
    public void write(int b) {
        out.write(b);
    }

    @Override
    public void write(byte[] b) {
        out.write(b, 0, b.length);
    }

    @Override
    public void flush() {
        out.flush();
    }

    @Override
    public void close() {
        out.flush();
    }

    @Override
    public void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {
    }

    @Override
    public void iterationResult(BenchmarkParams benchParams, IterationParams params, int iteration,
                                IterationResult data) {
    }

    @Override
    public void startBenchmark(BenchmarkParams benchParams) {
    }

    @Override
    public void startRun() {
    }
}
