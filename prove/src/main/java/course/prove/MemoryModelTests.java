package course.prove;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.openjdk.jcstress.infra.results.I_Result;

import java.util.concurrent.atomic.AtomicInteger;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Two data races of the Java memory model under JCStress, each wrong then right: a lost update
 * on a plain {@code int} (fixed by {@link AtomicInteger}) and a flag seen before the data it
 * publishes (fixed by making the flag {@code volatile}).
 *
 * <p>Run: {@code make prove}, or {@code java -cp <prove jar and its lib/> org.openjdk.jcstress.Main -t MemoryModel}.
 */
public final class MemoryModelTests {
    private MemoryModelTests() {
    }

    /** Two threads add 1 to a plain field: read, add, write, with nothing making it one step. */
    @JCStressTest
    @Description("x++ on a plain int from two threads")
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "both increments counted")
    @Outcome(id = "1", expect = ACCEPTABLE_INTERESTING, desc = "an increment lost")
    @State
    public static class PlainCounter {
        private int x;

        @Actor
        public void add1() {
            x++;
        }

        @Actor
        public void add2() {
            x++;
        }

        @Arbiter
        public void count(I_Result r) {
            r.r1 = x;
        }
    }

    /** The same with {@link AtomicInteger#incrementAndGet()}: one indivisible step. */
    @JCStressTest
    @Description("incrementAndGet on an AtomicInteger from two threads")
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "both increments counted")
    @Outcome(id = "1", expect = FORBIDDEN, desc = "an increment lost")
    @State
    public static class AtomicCounter {
        private final AtomicInteger x = new AtomicInteger();

        @Actor
        public void add1() {
            x.incrementAndGet();
        }

        @Actor
        public void add2() {
            x.incrementAndGet();
        }

        @Arbiter
        public void count(I_Result r) {
            r.r1 = x.get();
        }
    }

    /** A writer sets data then a plain flag; a reader reads the flag, then the data. */
    @JCStressTest
    @Description("data published through a plain flag")
    @Outcome(id = {"0, 0", "0, 42"}, expect = ACCEPTABLE, desc = "flag not seen yet")
    @Outcome(id = "1, 42", expect = ACCEPTABLE, desc = "flag and data seen")
    @Outcome(id = "1, 0", expect = ACCEPTABLE_INTERESTING, desc = "flag seen before the data")
    @State
    public static class PlainFlag {
        private int data;
        private boolean ready;

        @Actor
        public void writer() {
            data = 42;
            ready = true;
        }

        @Actor
        public void reader(II_Result r) {
            boolean seen = ready;
            r.r1 = seen ? 1 : 0;
            r.r2 = data;
        }
    }

    /** The same with a volatile flag: a write before it happens-before a read after it. */
    @JCStressTest
    @Description("data published through a volatile flag")
    @Outcome(id = {"0, 0", "0, 42"}, expect = ACCEPTABLE, desc = "flag not seen yet")
    @Outcome(id = "1, 42", expect = ACCEPTABLE, desc = "flag and data seen")
    @Outcome(id = "1, 0", expect = FORBIDDEN, desc = "flag seen before the data")
    @State
    public static class VolatileFlag {
        private int data;
        private volatile boolean ready;

        @Actor
        public void writer() {
            data = 42;
            ready = true;
        }

        @Actor
        public void reader(II_Result r) {
            boolean seen = ready;
            r.r1 = seen ? 1 : 0;
            r.r2 = data;
        }
    }
}
