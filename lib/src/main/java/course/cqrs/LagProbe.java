package course.cqrs;

import course.concurrent.internal.Join;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Makes eventual consistency visible: how long a write takes to show up on the read side, and
 * how the projector's lag rises and falls while work runs.
 *
 * <ul>
 *   <li>{@link #readYourWrites} writes articles one at a time and, after each, asks Q2 whether the
 *       write is visible: at once, then again each time the projector signals that it has applied a
 *       batch (no polling, no spinning: the read side's queries are not slowed by the probe's own),
 *       recording the delay;</li>
 *   <li>{@link #during} runs some work (a write burst, say) on the calling thread while a sampler
 *       thread records {@link Projector#lag()} every few milliseconds, until the work is done and
 *       the lag is back to zero (or a partition has failed, or the patience runs out).</li>
 * </ul>
 * Both wait at most {@link #PATIENCE} for anything, so a stopped or failed projector makes them
 * report, not hang. The sampler thread is named {@value #SAMPLER_THREAD} and always joined
 * (interrupted if it outlives the patience, and named in an error if it outlives that too).
 *
 * <pre>{@code
 * double[] lags = LagProbe.readYourWrites(app, data, 50, 1);
 * LagProbe.Trace trace = LagProbe.during(app.projector(), () -> MixedLoad.burst("burst", app, creates, 4));
 * Charts.line("Lag during a burst", "time (ms)", "events behind").series("lag", trace.millis(), trace.eventsBehind()).image();
 * }</pre>
 */
public final class LagProbe {
    /** The longest any probe waits for the read side. */
    public static final Duration PATIENCE = Duration.ofSeconds(30);
    /** How often the sampler looks at the lag. */
    public static final Duration EVERY = Duration.ofMillis(2);
    /** The shortest time the sampler goes on after the lag is back at zero. */
    public static final Duration TAIL = Duration.ofMillis(10);
    /** The sampler thread's name. */
    public static final String SAMPLER_THREAD = "cqrs-lag-sampler";

    private LagProbe() {
    }

    /** Work to run while the lag is sampled: a burst of writes, say. It may be interrupted. */
    @FunctionalInterface
    public interface Work {
        void run() throws InterruptedException;
    }

    /**
     * Lag samples over time.
     *
     * @param millis       when each sample was taken, in milliseconds since the work started
     * @param eventsBehind the events not yet applied at each sample
     * @param oldestMillis the age of the oldest unapplied event at each sample, in milliseconds
     * @param workMillis     when the work finished, in milliseconds since it started
     * @param caughtUpMillis when the lag was first seen back at zero after the work, in milliseconds
     *                       since it started; {@code NaN} when it never was
     */
    public record Trace(double[] millis, double[] eventsBehind, double[] oldestMillis, double workMillis,
                        double caughtUpMillis) {
        /** Copies the arrays in: a trace never changes once made. */
        public Trace {
            millis = millis.clone();
            eventsBehind = eventsBehind.clone();
            oldestMillis = oldestMillis.clone();
            if (millis.length != eventsBehind.length || millis.length != oldestMillis.length) {
                throw new IllegalArgumentException("a trace needs one value of each per sample, got " + millis.length
                        + " times, " + eventsBehind.length + " lags and " + oldestMillis.length + " ages");
            }
        }

        /** When each sample was taken, in milliseconds since the work started (a copy). */
        @Override
        public double[] millis() {
            return millis.clone();
        }

        /** The events not yet applied at each sample (a copy). */
        @Override
        public double[] eventsBehind() {
            return eventsBehind.clone();
        }

        /** The age of the oldest unapplied event at each sample, in milliseconds (a copy). */
        @Override
        public double[] oldestMillis() {
            return oldestMillis.clone();
        }

        /** Whether the lag was back to zero after the work finished. */
        public boolean caughtUp() {
            return !Double.isNaN(caughtUpMillis);
        }

        /** The largest number of events behind seen. */
        public double peakEventsBehind() {
            return peak(eventsBehind);
        }

        /** The time of the last sample, in milliseconds. */
        public double lastMillis() {
            return millis.length == 0 ? 0 : millis[millis.length - 1];
        }

        /** The largest age of the oldest unapplied event seen, in milliseconds: how stale the read side got. */
        public double peakOldestMillis() {
            return peak(oldestMillis);
        }

        private static double peak(double[] values) {
            double max = 0;
            for (double v : values) {
                max = Math.max(max, v);
            }
            return max;
        }

        /**
         * How long the read side took to catch up after the work finished, in milliseconds (at least 0;
         * at most one sampling interval late); {@code NaN} when it did not catch up.
         */
        public double drainMillis() {
            return Math.max(0, caughtUpMillis - workMillis);
        }

        /** Equal when every sample and both times are equal. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Trace t && Arrays.equals(millis, t.millis) && Arrays.equals(eventsBehind, t.eventsBehind)
                    && Arrays.equals(oldestMillis, t.oldestMillis) && Double.compare(workMillis, t.workMillis) == 0
                    && Double.compare(caughtUpMillis, t.caughtUpMillis) == 0;
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(millis), Arrays.hashCode(eventsBehind), Arrays.hashCode(oldestMillis),
                    workMillis, caughtUpMillis);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Trace[%d samples over %.0f ms, peak %.0f events behind, %s]",
                    millis.length, lastMillis(), peakEventsBehind(), caughtUp() ? "caught up" : "NOT caught up");
        }
    }

    /**
     * Creates {@code writes} new articles one after another and measures, for each, the time from
     * the create returning to Q2 first listing its user.
     *
     * @return the delay of each write, in milliseconds, in write order
     * @throws IllegalStateException when a write is not visible within {@link #PATIENCE}
     * @throws InterruptedException  when the calling thread is interrupted
     */
    public static double[] readYourWrites(CqrsSystem app, Dataset data, int writes, long seed) throws InterruptedException {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(data, "data");
        if (writes <= 0) {
            throw new IllegalArgumentException("writes must be positive, got " + writes);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        String run = Long.toHexString(System.nanoTime() & 0xffffff);
        double[] lags = new double[writes];
        for (int i = 0; i < writes; i++) {
            CreateArticle command = data.freshCreate(rng, "ryw-" + run + "-" + i);
            Projector projector = app.projector();
            app.create(command);
            long start = System.nanoTime();
            long deadline = start + PATIENCE.toNanos();
            long seen = projector.steps(); // read before looking: a batch applied meanwhile is not missed
            while (!app.usersBySourceUrl(command.sourceUrl()).contains(command.userId())) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("write " + (i + 1) + " was not visible after " + PATIENCE.toSeconds()
                            + " s; is the projector running? " + projector);
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted while waiting for write " + (i + 1));
                }
                seen = projector.awaitStep(seen, Duration.ofNanos(left)); // sleeps until a batch is applied
            }
            lags[i] = (System.nanoTime() - start) / 1e6;
        }
        return lags;
    }

    /**
     * Runs {@code work} on the calling thread while sampling the projector's lag, and keeps
     * sampling after it until the lag is zero, a partition has failed, or {@link #PATIENCE} passes.
     * Once the lag is back at zero, sampling goes on for a short tail (a tenth of the time so far,
     * at least {@link #TAIL}), so that a chart of the trace shows it staying there.
     *
     * @throws RuntimeException     whatever {@code work} throws, after the sampler has stopped
     * @throws InterruptedException when the calling thread is interrupted
     */
    public static Trace during(Projector projector, Work work) throws InterruptedException {
        Objects.requireNonNull(projector, "projector");
        Objects.requireNonNull(work, "work");
        List<double[]> samples = new ArrayList<>();
        AtomicBoolean workDone = new AtomicBoolean();
        double[] caughtUpMillis = {Double.NaN}; // written by the sampler, read after joining it
        AtomicReference<Throwable> samplerFailure = new AtomicReference<>();
        long start = System.nanoTime();
        Thread sampler = Thread.ofPlatform().name(SAMPLER_THREAD).daemon().start(() -> {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            try {
                while (true) {
                    boolean finished = workDone.get();
                    Lag lag = projector.lag();
                    double now = (System.nanoTime() - start) / 1e6;
                    synchronized (samples) {
                        samples.add(new double[]{now, lag.eventsBehind(), lag.oldestUnappliedAge().toNanos() / 1e6});
                    }
                    if (finished && lag.caughtUp() && Double.isNaN(caughtUpMillis[0])) {
                        caughtUpMillis[0] = now;
                    }
                    double caught = caughtUpMillis[0];
                    if (!Double.isNaN(caught) && now - caught >= Math.max(TAIL.toNanos() / 1e6, caught / 10)) {
                        return;
                    }
                    if ((finished && !projector.failures().isEmpty()) || System.nanoTime() - deadline >= 0) {
                        return;
                    }
                    Thread.sleep(EVERY);
                }
            } catch (InterruptedException e) {
                // asked to stop
            } catch (Throwable t) {
                samplerFailure.set(t);
            }
        });
        double[] workMillis = {Double.NaN};
        try {
            work.run();
        } finally {
            workMillis[0] = (System.nanoTime() - start) / 1e6;
            workDone.set(true);
            // The sampler ends by itself within PATIENCE; one that does not is interrupted, then named.
            Join.withGrace("the lag probe", List.of(sampler), PATIENCE.plusSeconds(1), PATIENCE.plusSeconds(2),
                    "Reading the projector's lag must not block.");
        }
        if (samplerFailure.get() != null) {
            throw new IllegalStateException("sampling the lag failed: " + samplerFailure.get(), samplerFailure.get());
        }
        synchronized (samples) {
            int n = samples.size();
            double[] t = new double[n];
            double[] behind = new double[n];
            double[] age = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = samples.get(i)[0];
                behind[i] = samples.get(i)[1];
                age[i] = samples.get(i)[2];
            }
            return new Trace(t, behind, age, workMillis[0], caughtUpMillis[0]);
        }
    }
}
