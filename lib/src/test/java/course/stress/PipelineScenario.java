package course.stress;

import course.concurrent.Context;
import course.concurrent.DeadlineExceededException;
import course.concurrent.ThreadKind;
import course.pipeline.Pipeline;
import course.pipeline.PipelineException;
import course.pipeline.PipelineRun;
import course.testing.Delays;
import course.testing.NoThreadsLeft;
import course.testing.TestThreads;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Chapter 3's {@link Pipeline}: a source and one to three random stages (map, filter, flat-map)
 * with random workers, order, capacities and batches, some slow, on either kind of thread; ended
 * by completing, a cancel, a context deadline, a failing step or a reader that closes early, read
 * by a fast or a slow reader. The expected output is computed one item at a time beforehand.
 * Checks that a run nobody stopped yields exactly the expected items (in order when every stage
 * keeps it), that a failure names its stage and item, that a stopped run yields no item it should
 * not, and that every thread ends.
 */
final class PipelineScenario implements Scenario {
    /** How a run ends. */
    enum Ending { COMPLETE, CANCEL, DEADLINE, FAIL, CLOSE_EARLY }

    enum Kind { MAP, FILTER, FLAT_MAP }

    /** One stage as drawn: what it does and its settings; {@code failOn} is the item it fails on, or null. */
    private record Stage(String name, Kind kind, int k, int workers, boolean ordered, int capacity, int batch,
                         long pauseNanos, Integer failOn) {
        /** What the stage makes of one item, the same in the pipeline and in the expectation. */
        List<Integer> apply(int x) {
            return switch (kind) {
                case MAP -> List.of(x * 3 + k);
                case FILTER -> x % 2 == 0 || x % 5 == 0 ? List.of(x) : List.of();
                case FLAT_MAP -> x % 4 == 0 ? List.of() : List.of(x, x + 100_000 * k);
            };
        }
    }

    @Override
    public String name() {
        return "pipeline";
    }

    @Override
    public void run(SplittableRandom random, Outcome out) throws InterruptedException {
        int items = random.nextInt(150);
        Ending ending = Ending.values()[random.nextInt(Ending.values().length)];
        ThreadKind kind = random.nextBoolean() ? ThreadKind.PLATFORM : ThreadKind.VIRTUAL;
        long stopAfterNanos = random.nextLong(3_000_000);
        boolean slowReader = random.nextInt(4) == 0;
        int closeAfter = random.nextInt(Math.max(1, items));
        List<Integer> expected = new ArrayList<>();
        for (int i = 1; i <= items; i++) {
            expected.add(i);
        }
        int stageCount = random.nextInt(1, 4);
        int failingStage = ending == Ending.FAIL ? random.nextInt(stageCount) : -1;
        List<Stage> stages = new ArrayList<>();
        boolean inOrder = true;
        for (int s = 0; s < stageCount; s++) {
            Kind what = Kind.values()[random.nextInt(Kind.values().length)];
            int workers = random.nextInt(1, 4);
            boolean ordered = workers > 1 && random.nextBoolean();
            int capacity = random.nextBoolean() ? 0 : random.nextInt(1, 9);
            int batch = random.nextInt(3) == 0 ? random.nextInt(2, 5) : 0;
            long pause = random.nextInt(3) == 0 ? random.nextLong(50_000) : 0;
            Integer failOn = s == failingStage && !expected.isEmpty() ? expected.get(random.nextInt(expected.size())) : null;
            Stage stage = new Stage(what.name().toLowerCase(java.util.Locale.ROOT) + s, what, s + 1, workers, ordered,
                    capacity, batch, pause, failOn);
            stages.add(stage);
            inOrder &= workers == 1 || ordered;
            List<Integer> next = new ArrayList<>();
            for (int x : expected) {
                next.addAll(stage.apply(x));
            }
            expected = next;
            if (failOn != null) {
                break;                                       // nothing after the failing stage runs
            }
        }
        Stage failing = stages.getLast().failOn() != null ? stages.getLast() : null;
        out.settings(items + " items, " + kind + ", stages " + stages.stream().map(PipelineScenario::describe).toList()
                + ", " + ending + (failing == null && ending == Ending.FAIL ? " (nothing to fail on)" : "")
                + (ending == Ending.CANCEL || ending == Ending.DEADLINE ? " after " + stopAfterNanos / 1000 + " µs" : "")
                + (ending == Ending.CLOSE_EARLY ? " after " + closeAfter + " items" : "")
                + (slowReader ? ", slow reader" : ""));

        int before = Pipeline.liveThreads().size();
        AtomicLong failedAt = new AtomicLong();
        Pipeline<Integer> pipeline = build(items, stages, kind, failedAt);
        long start = System.nanoTime();
        Context ctx = ending == Ending.DEADLINE ? Context.background().withTimeout(Duration.ofNanos(stopAfterNanos))
                : Context.background().withCancel();
        PipelineRun<Integer> run = pipeline.start(ctx);
        List<Integer> got = new CopyOnWriteArrayList<>();
        AtomicReference<RuntimeException> ended = new AtomicReference<>();
        AtomicLong endAt = new AtomicLong();
        AtomicLong stopAt = new AtomicLong(ending == Ending.DEADLINE ? start + stopAfterNanos : 0);
        SplittableRandom readerRandom = random.split();
        TestThreads threads = new TestThreads("stress-pipeline");
        threads.start(() -> {
            try {
                for (int item : run) {
                    got.add(item);
                    if (slowReader) {
                        LockSupport.parkNanos(readerRandom.nextLong(100_000));
                    }
                    if (ending == Ending.CLOSE_EARLY && got.size() >= closeAfter) {
                        stopAt.set(System.nanoTime());
                        run.close();
                        break;
                    }
                }
            } catch (PipelineException | CancellationException e) {
                ended.set(e);
            }
            endAt.set(System.nanoTime());
        });
        if (ending == Ending.CANCEL) {
            threads.start(() -> {
                LockSupport.parkNanos(stopAfterNanos);
                stopAt.set(System.nanoTime());
                run.cancel();
            });
        }
        try {
            threads.joinAll();
            boolean terminated = run.awaitTermination(Delays.LONG);
            out.check(terminated, "the run's threads did not end within " + Delays.LONG);
            check(ending, failing, expected, inOrder, got, ended.get(), out);
            long stoppedAt = failing != null ? failedAt.get() : stopAt.get();
            boolean stopped = ended.get() != null || (ending == Ending.CLOSE_EARLY && got.size() < expected.size());
            if (stopped && terminated && stoppedAt != 0 && endAt.get() - stoppedAt >= 0) {
                out.stopLatency(Math.max(endAt.get(), System.nanoTime()) - stoppedAt);
            }
        } catch (AssertionError e) {
            out.violation(e.getMessage());                   // the reader failed or hung
        } finally {
            run.close();
            ctx.cancel();
            long left = NoThreadsLeft.awaitAtMost(before, () -> Pipeline.liveThreads().size(), Delays.LONG);
            out.check(left <= before, "pipeline threads left running: " + Pipeline.liveThreads());
        }
    }

    private static void check(Ending ending, Stage failing, List<Integer> expected, boolean inOrder,
                              List<Integer> got, RuntimeException ended, Outcome out) {
        out.check(isPartOf(got, expected), "items that should not be there, or too many: " + got + " of " + expected);
        if (failing != null) {
            out.check(ended instanceof PipelineException, "the run did not fail: " + ended + ", " + got.size() + " items");
            if (ended instanceof PipelineException e) {
                out.check(e.stage().equals(failing.name()), "the failure names stage " + e.stage() + ", not " + failing.name());
                out.check(e.item().equals(java.util.Optional.of(failing.failOn())),
                        "the failure names item " + e.item() + ", not " + failing.failOn());
                out.check(e.getCause() instanceof IllegalStateException, "the failure's cause: " + e.getCause());
            }
            return;
        }
        if (ending == Ending.COMPLETE || ending == Ending.FAIL) {
            out.check(ended == null, "a run nobody stopped ended with " + ended);
            out.check(inOrder ? got.equals(expected) : got.size() == expected.size(),
                    "a run nobody stopped yielded " + got.size() + " items of " + expected.size()
                            + (inOrder ? " or out of order" : ""));
        } else if (ended != null) {
            out.check(ended instanceof CancellationException, "a stopped run ended with " + ended);
            if (ending == Ending.DEADLINE) {
                out.check(ended.getCause() instanceof DeadlineExceededException, "the cancellation's cause: " + ended.getCause());
            }
        } else if (ending != Ending.CLOSE_EARLY) {
            out.check(inOrder ? got.equals(expected) : got.size() == expected.size(),
                    "a run that ended before its stop yielded " + got.size() + " items of " + expected.size());
        }
    }

    /** Whether every item of {@code part} is in {@code whole}, counting repeats. */
    private static boolean isPartOf(List<Integer> part, List<Integer> whole) {
        Map<Integer, Integer> left = new HashMap<>();
        whole.forEach(x -> left.merge(x, 1, Integer::sum));
        for (int x : part) {
            if (left.merge(x, -1, Integer::sum) < 0) {
                return false;
            }
        }
        return true;
    }

    private static Pipeline<Integer> build(int items, List<Stage> stages, ThreadKind kind, AtomicLong failedAt) {
        Pipeline<Integer> p = Pipeline.range(1, items).threads(kind);
        for (Stage s : stages) {
            AtomicBoolean failed = new AtomicBoolean();
            p = switch (s.kind()) {
                case MAP -> p.map(s.name(), x -> step(s, x, failed, failedAt).getFirst());
                case FILTER -> p.filter(s.name(), x -> !step(s, x, failed, failedAt).isEmpty());
                case FLAT_MAP -> p.flatMap(s.name(), x -> step(s, x, failed, failedAt));
            };
            p = p.workers(s.workers());
            if (s.ordered()) {
                p = p.ordered();
            }
            if (s.capacity() > 0) {
                p = p.capacity(s.capacity());
            }
            if (s.batch() > 0) {
                p = p.batch(s.batch());
            }
        }
        return p;
    }

    private static List<Integer> step(Stage s, int x, AtomicBoolean failed, AtomicLong failedAt) {
        if (s.pauseNanos() > 0) {
            LockSupport.parkNanos(s.pauseNanos());
        }
        if (s.failOn() != null && s.failOn() == x && failed.compareAndSet(false, true)) {
            failedAt.set(System.nanoTime());
            throw new IllegalStateException("stress failure at " + x);
        }
        return s.apply(x);
    }

    private static String describe(Stage s) {
        return s.name() + (s.workers() > 1 ? " x" + s.workers() + (s.ordered() ? " ordered" : "") : "")
                + (s.capacity() > 0 ? " cap " + s.capacity() : "") + (s.batch() > 0 ? " batch " + s.batch() : "")
                + (s.pauseNanos() > 0 ? " slow" : "") + (s.failOn() != null ? " fails on " + s.failOn() : "");
    }
}
