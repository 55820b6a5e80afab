package course.pool;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RaceDemoTest {
    static final int RUNS = 300;

    @Test
    void readingUntilClosedSeesEveryResultEveryTime() {
        RaceTally t = RaceTally.count(10, RUNS, () -> RaceDemo.seenInOneRun(10, 2, RaceDemo::readUntilClosed));
        assertEquals(0, t.missedRuns(), t.toString());
        assertEquals(0, WorkerPool.liveThreads());
    }

    /**
     * Whether the wrong client misses anything in a given run is up to the scheduler, so this
     * checks only what must hold: it never sees a result twice or a wrong value (seenInOneRun
     * would throw), and it can miss at most what the stream buffers, one result per worker.
     */
    @Test
    void readingUntilDoneMissesAtMostTheBufferedResults() {
        RaceTally t = RaceTally.count(10, RUNS, () -> RaceDemo.seenInOneRun(10, 2, RaceDemo::readUntilDone));
        assertTrue(t.fewestSeen() >= 8, t.toString());
        assertEquals(RUNS, t.runs());
        assertEquals(0, WorkerPool.liveThreads());
    }

    @Test
    void aClientThatSeesAResultTwiceIsCaught() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RaceDemo.seenInOneRun(4, 2, pool -> {
            List<Result<Integer>> all = new ArrayList<>(pool.readAll());
            all.add(all.getFirst());
            return all;
        }));
        assertTrue(e.getMessage().contains("impossible result"), e.getMessage());
    }
}
