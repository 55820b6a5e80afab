package course.prove;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Chapter 1's lost-results race under JCStress: two workers finish a run of a {@link PoolEnd}
 * while a client reads it. The outcome is how many of the 2 results the client saw.
 *
 * <p>JCStress gives each actor a CPU of its own and skips a test with more actors than CPUs,
 * so that these run on 2 cores the two workers are one actor: it finishes worker 1, then
 * worker 2, the last one out, which fires done and closes the stream. The race is between the
 * last worker and the client, so one actor for the workers loses nothing of it.
 *
 * <p>Run: {@code make prove}, or {@code java -cp <prove jar and its lib/> org.openjdk.jcstress.Main -t LostResults}.
 */
public final class LostResultsTests {
    private LostResultsTests() {
    }

    /** The wrong client: stops when done fires. Missing results is the race, so it is "interesting". */
    @JCStressTest
    @Description("chapter 1's wrong client: reads until done fires")
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "all results seen")
    @Outcome(id = {"0", "1"}, expect = ACCEPTABLE_INTERESTING, desc = "results missed: the race")
    @State
    public static class WrongClient {
        private final PoolEnd end = new PoolEnd(2);

        @Actor
        public void workers() {
            end.workerFinishes("result 1");
            end.workerFinishes("result 2");
        }

        @Actor
        public void client(I_Result r) {
            r.r1 = end.readUntilDone();
        }
    }

    /** The right client: reads until the stream closes. Missing a result is forbidden. */
    @JCStressTest
    @Description("chapter 1's right client: reads until the stream closes")
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "all results seen")
    @Outcome(id = {"0", "1"}, expect = FORBIDDEN, desc = "results missed")
    @State
    public static class RightClient {
        private final PoolEnd end = new PoolEnd(2);

        @Actor
        public void workers() {
            end.workerFinishes("result 1");
            end.workerFinishes("result 2");
        }

        @Actor
        public void client(I_Result r) {
            try {
                r.r1 = end.readUntilClosed();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                r.r1 = -1;
            }
        }
    }
}
