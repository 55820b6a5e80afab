package course.pipeline;

import course.pipeline.Channel.Chunk;
import course.pipeline.StageSpec.Filtering;
import course.pipeline.StageSpec.FlatMapping;
import course.pipeline.StageSpec.Mapping;
import course.pipeline.StageSpec.Source;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One worker's loop of a map, filter or flat-map stage: take an element (an item or a chunk),
 * apply the step to each item in it, send the outputs; at the end of the input, flush, and let
 * the last worker of the stage to finish close the output. The first exception of a step is
 * the stage's failure and stops the run; after a stop, a step's exception (often the interrupt
 * itself) is a consequence and is ignored.
 */
final class StageWorker implements Runnable {
    private final StageSpec spec;
    private final StageCounters counters;
    private final Channel in;
    private final Channel out;
    // Null unless the stage is ordered with several workers: then it takes and emits for all.
    private final OrderedGate gate;
    // The stage's workers that have not yet reached the end of the input; shared by them.
    private final AtomicInteger remaining;
    private final StopSignal stop;

    StageWorker(StageSpec spec, StageCounters counters, Channel in, Channel out, OrderedGate gate,
                AtomicInteger remaining, StopSignal stop) {
        this.spec = spec;
        this.counters = counters;
        this.in = in;
        this.out = out;
        this.gate = gate;
        this.remaining = remaining;
        this.stop = stop;
    }

    @Override
    public void run() {
        Emitter emitter = gate == null ? new Emitter(out, spec.batch(), counters) : null;
        List<Object> outputs = new ArrayList<>(Math.max(spec.batch(), 10));
        try {
            while (true) {
                Object element;
                long number = 0;
                if (gate == null) {
                    element = in.receive();
                } else {
                    OrderedGate.Taken taken = gate.take(in);
                    element = taken.element();
                    number = taken.number();
                }
                if (element == Channel.END) {
                    break;
                }
                outputs = gate == null ? outputs : new ArrayList<>();
                if (!process(element, outputs)) {
                    return;
                }
                if (gate == null) {
                    outputs = emitter.emitAll(outputs);
                } else {
                    gate.deposit(number, outputs);
                }
            }
            if (emitter != null) {
                emitter.flush();
            }
            if (remaining.decrementAndGet() == 0) {
                if (gate != null) {
                    gate.flush();
                }
                if (!stop.stopped()) {
                    out.close();
                }
            }
        } catch (InterruptedException e) {
            stop.interrupted(spec.name(), e);
        } catch (Throwable e) {
            stop.fail(spec.name(), null, "", e);
        }
    }

    /**
     * Applies the step to every item of one element taken from the input (an item or a chunk),
     * adding the results to {@code outputs}. The counters and the busy clock are updated once
     * per element, not per item: two clock readings cost about as much as a trivial step, and
     * a chunk's items would otherwise pay them one by one. Returns false when a step failed
     * (the failure is recorded) or the run stopped meanwhile.
     */
    private boolean process(Object element, List<Object> outputs) {
        long t0 = System.nanoTime();
        int applied = 0;
        try {
            if (element instanceof Chunk(List<Object> items)) {
                for (Object item : items) {
                    applied++;
                    if (!apply(item, outputs)) {
                        return false;
                    }
                }
                return true;
            }
            applied = 1;
            return apply(element, outputs);
        } finally {
            counters.in.add(applied);
            counters.busyNanos.add(System.nanoTime() - t0);
        }
    }

    /**
     * Applies the step to one item, adding its results to {@code outputs}. Returns false when
     * the step failed (the failure is recorded) or the run stopped meanwhile.
     */
    private boolean apply(Object item, List<Object> outputs) {
        try {
            switch (spec.work()) {
                case Mapping(var step) -> outputs.add(nonNull(step.apply(item)));
                case Filtering(var test) -> {
                    if (test.test(item)) {
                        outputs.add(item);
                    }
                }
                case FlatMapping(var step) -> {
                    for (Object result : nonNull(step.apply(item))) {
                        outputs.add(nonNull(result));
                    }
                }
                case Source s -> throw new AssertionError("the source has no step");
            }
        } catch (Throwable e) {
            stop.fail(spec.name(), item, "", e);
            return false;
        }
        return !stop.stopped();
    }

    private <V> V nonNull(V value) {
        if (value == null) {
            throw new NullPointerException("stage '" + spec.name() + "' produced null; a pipeline carries no nulls");
        }
        return value;
    }
}
