package course.pipeline;

import course.pipeline.StageSpec.Source;

import java.util.Iterator;

/**
 * The source's loop, on its one thread: iterate the items, send them on, then close the
 * output. A failure of the iterable is the source's failure, with the number of items sent.
 */
final class SourceWorker implements Runnable {
    private final StageSpec spec;
    private final Iterable<?> items;
    private final StageCounters counters;
    private final Channel out;
    private final StopSignal stop;

    SourceWorker(StageSpec spec, StageCounters counters, Channel out, StopSignal stop) {
        this.spec = spec;
        this.items = ((Source) spec.work()).items();
        this.counters = counters;
        this.out = out;
        this.stop = stop;
    }

    @Override
    public void run() {
        Emitter emitter = new Emitter(out, spec.batch(), counters);
        long produced = 0;
        try {
            Iterator<?> it;
            long t0 = System.nanoTime();
            try {
                it = items.iterator();
            } catch (Throwable e) {
                stop.fail(spec.name(), null, "before its first item", e);
                return;
            }
            while (!stop.stopped()) {
                Object item;
                try {
                    if (!it.hasNext()) {
                        counters.busyNanos.add(System.nanoTime() - t0);
                        break;
                    }
                    item = it.next();
                    if (item == null) {
                        throw new NullPointerException("the source yielded null; a pipeline carries no nulls");
                    }
                } catch (Throwable e) {
                    stop.fail(spec.name(), null, "after " + produced + " items", e);
                    return;
                }
                counters.in.increment();
                produced++;
                if (emitter.sendsNext()) {
                    // the clock is read only around a hand-off, which may wait: a batching
                    // source pays it once per chunk, not once per item
                    counters.busyNanos.add(System.nanoTime() - t0);
                    emitter.emit(item);
                    t0 = System.nanoTime();
                } else {
                    emitter.emit(item);
                }
            }
            emitter.flush();
            if (!stop.stopped()) {
                out.close();
            }
        } catch (InterruptedException e) {
            stop.interrupted(spec.name(), e);
        } catch (Throwable e) {
            stop.fail(spec.name(), null, "after " + produced + " items", e);
        }
    }
}
