package course.structured;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingStream;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Virtual threads that nap while something might pin them to their carrier, watched with JFR.
 * Each of {@code tasks} virtual threads naps once ({@code Thread.sleep}) in one of two places:
 * <ul>
 *   <li>{@link Scenario#SYNCHRONIZED}: inside a {@code synchronized} block (a lock of its own).
 *       Before JDK 24 this pinned the thread; since JEP 491 a virtual thread unmounts while it
 *       holds a monitor, so its carrier is free during the nap.</li>
 *   <li>{@link Scenario#NATIVE_FRAME}: inside a Java upcall from C's {@code qsort} (through the
 *       Foreign Function and Memory API), so a native frame is on the thread's stack. The JVM
 *       cannot unmount a thread with a native frame: the nap holds the carrier, and JFR records
 *       a {@code jdk.VirtualThreadPinned} event. (So does a nap inside a class initialiser.)</li>
 * </ul>
 * A {@link RecordingStream} records {@code jdk.VirtualThreadPinned} (threshold 1 ms) during the
 * run; the report keeps the events of this run's threads, and each nap's span and carrier, to
 * chart carrier use over time. The native scenario calls restricted methods: run the JVM with
 * {@code --enable-native-access=ALL-UNNAMED} to keep it quiet (the course's kernel does).
 *
 * <pre>{@code
 * var pinned = PinningProbe.run(PinningProbe.Scenario.NATIVE_FRAME, 8, Duration.ofMillis(50));
 * System.out.println(pinned.pinnedEvents().size() + " pinned events in " + pinned.elapsedMillis() + " ms");
 * }</pre>
 */
public final class PinningProbe {
    /** Where each virtual thread naps. */
    public enum Scenario { SYNCHRONIZED, NATIVE_FRAME }

    /** One nap: which task, on which carrier it began, and when (ms from the run's start). */
    public record Nap(int task, String carrier, double startMillis, double endMillis) {
    }

    /** One {@code jdk.VirtualThreadPinned} event: the thread, how long it was pinned, and why (JDK 24+). */
    public record Pinned(String thread, Duration duration, String reason) {
    }

    /**
     * What a run saw.
     *
     * @param scenario      where the threads napped
     * @param tasks         how many virtual threads napped, once each
     * @param nap           each nap's length
     * @param elapsedMillis from the first start to the last thread's end
     * @param naps          every nap, by start time
     * @param pinnedEvents  the JFR pinned events of this run's threads
     */
    public record Report(Scenario scenario, int tasks, Duration nap, double elapsedMillis, List<Nap> naps,
                         List<Pinned> pinnedEvents) {
        /** How many distinct carriers the naps began on. */
        public long carriersUsed() {
            return naps.stream().map(Nap::carrier).distinct().count();
        }

        /** The most naps in progress at once. */
        public int mostAtOnce() {
            int most = 0;
            for (Nap n : naps) {
                int at = 0;
                for (Nap m : naps) {
                    if (m.startMillis() <= n.startMillis() && n.startMillis() < m.endMillis()) {
                        at++;
                    }
                }
                most = Math.max(most, at);
            }
            return most;
        }

        /** A step curve of the naps in progress over time: {@code [times, counts]}, for a chart. */
        public double[][] napsInProgress() {
            List<double[]> changes = new ArrayList<>();
            for (Nap n : naps) {
                changes.add(new double[] {n.startMillis(), 1});
                changes.add(new double[] {n.endMillis(), -1});
            }
            changes.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
            double[] xs = new double[changes.size() + 1];
            double[] ys = new double[changes.size() + 1];
            int level = 0;
            for (int i = 0; i < changes.size(); i++) {
                level += (int) changes.get(i)[1];
                xs[i + 1] = changes.get(i)[0];
                ys[i + 1] = level;
            }
            return new double[][] {xs, ys};
        }
    }

    /** The prefix of the threads this class starts. */
    public static final String THREAD_PREFIX = "course-pin-";
    private static final String PINNED = "jdk.VirtualThreadPinned";

    private PinningProbe() {
    }

    /**
     * Starts {@code tasks} virtual threads that nap once each, as {@code scenario} says, waits for
     * them all, and reports what JFR and the threads saw.
     *
     * @throws IllegalArgumentException when {@code tasks} is not positive or {@code nap} is not positive
     * @throws InterruptedException     when the calling thread is interrupted while it waits
     */
    public static Report run(Scenario scenario, int tasks, Duration nap) throws InterruptedException {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(nap, "nap");
        if (tasks < 1) {
            throw new IllegalArgumentException("tasks must be at least 1, got " + tasks);
        }
        if (nap.isNegative() || nap.isZero()) {
            throw new IllegalArgumentException("nap must be positive, got " + nap);
        }
        String prefix = THREAD_PREFIX + scenario.name().toLowerCase() + "-";
        var events = new ConcurrentLinkedQueue<Pinned>();
        var naps = new ConcurrentLinkedQueue<Nap>();
        long elapsed;
        try (var rs = new RecordingStream()) {
            rs.enable(PINNED).withThreshold(Duration.ofMillis(1));
            rs.onEvent(PINNED, e -> {
                Pinned p = pinned(e);
                if (p.thread().startsWith(prefix)) {
                    events.add(p);
                }
            });
            rs.startAsync();
            long origin = System.nanoTime();
            List<Thread> threads = new ArrayList<>(tasks);
            for (int i = 0; i < tasks; i++) {
                int task = i;
                Runnable napOnce = () -> naps.add(nap(task, nap, origin));
                threads.add(Thread.ofVirtual().name(prefix + i).start(scenario == Scenario.SYNCHRONIZED
                        ? () -> napLocked(napOnce) : () -> napUnderNativeFrame(napOnce)));
            }
            for (Thread t : threads) {
                t.join();
            }
            elapsed = System.nanoTime() - origin;
            rs.stop();                      // consumes the events recorded so far, then returns
        }
        List<Nap> sorted = naps.stream().sorted((a, b) -> Double.compare(a.startMillis(), b.startMillis())).toList();
        return new Report(scenario, tasks, nap, elapsed / 1e6, sorted, List.copyOf(events));
    }

    /** The carrier of the current virtual thread, from its {@code toString} ("VirtualThread[#22]/runnable@ForkJoinPool-1-worker-1"). */
    static String carrier() {
        String s = Thread.currentThread().toString();
        int at = s.lastIndexOf('@');
        return at < 0 ? "?" : s.substring(at + 1);
    }

    private static Nap nap(int task, Duration nap, long origin) {
        String carrier = carrier();
        long start = System.nanoTime();
        try {
            Thread.sleep(nap);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Nap(task, carrier, (start - origin) / 1e6, (System.nanoTime() - origin) / 1e6);
    }

    private static void napLocked(Runnable napOnce) {
        Object lock = new Object();
        synchronized (lock) {            // since JDK 24 (JEP 491) the nap unmounts even here
            napOnce.run();
        }
    }

    // ---- the native frame: C's qsort calls back into Java, which naps ----

    private static final Linker LINKER = Linker.nativeLinker();
    private static final FunctionDescriptor COMPARE_DESCRIPTOR = FunctionDescriptor.of(ValueLayout.JAVA_INT,
            ValueLayout.ADDRESS.withTargetLayout(ValueLayout.JAVA_INT), ValueLayout.ADDRESS.withTargetLayout(ValueLayout.JAVA_INT));
    private static final MethodHandle COMPARE;

    static {
        try {
            COMPARE = MethodHandles.lookup().findStatic(PinningProbe.class, "compare",
                    MethodType.methodType(int.class, Runnable.class, MemorySegment.class, MemorySegment.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
        // One call, with no nap, initialises the foreign-function classes here. Otherwise the first
        // run's virtual threads would wait for those class initialisers, each wait pinning its
        // thread (JFR: "Waited for initialization of ... by another thread"): an extra event.
        napUnderNativeFrame(() -> { });
    }

    private static void napUnderNativeFrame(Runnable napOnce) {
        MethodHandle qsort = LINKER.downcallHandle(LINKER.defaultLookup().find("qsort").orElseThrow(),
                FunctionDescriptor.ofVoid(ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS));
        var once = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable first = () -> {
            if (once.compareAndSet(false, true)) {
                napOnce.run();
            }
        };
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment two = arena.allocateFrom(ValueLayout.JAVA_INT, 2, 1);
            MemorySegment compare = LINKER.upcallStub(MethodHandles.insertArguments(COMPARE, 0, first), COMPARE_DESCRIPTOR, arena);
            qsort.invokeExact(two, 2L, ValueLayout.JAVA_INT.byteSize(), compare);
        } catch (Throwable e) {
            throw new IllegalStateException("the native call failed", e);
        }
    }

    /** The upcall: naps (the first time) under qsort's native frame. It must not throw: an upcall that throws ends the JVM. */
    private static int compare(Runnable napOnce, MemorySegment a, MemorySegment b) {
        try {
            napOnce.run();
            return Integer.compare(a.get(ValueLayout.JAVA_INT, 0), b.get(ValueLayout.JAVA_INT, 0));
        } catch (Throwable e) {
            return 0;
        }
    }

    private static Pinned pinned(RecordedEvent e) {
        RecordedThread t = e.getThread();
        String name = t == null ? "?" : t.getJavaName();
        String reason = e.hasField("pinnedReason") ? e.getString("pinnedReason") : "";
        return new Pinned(name == null ? "?" : name, e.getDuration(), reason == null ? "" : reason);
    }
}
