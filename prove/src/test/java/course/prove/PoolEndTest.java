package course.prove;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** One thread only: the protocol's order. The races are JCStress's (make prove). */
class PoolEndTest {
    @Test
    void theRightClientSeesEveryResultOnceTheRunHasEnded() throws InterruptedException {
        PoolEnd end = new PoolEnd(2);
        end.workerFinishes("a");
        end.workerFinishes("b");
        assertEquals(2, end.readUntilClosed());
    }

    @Test
    void theWrongClientArrivingAfterDoneSeesNothing() {
        PoolEnd end = new PoolEnd(2);
        end.workerFinishes("a");
        end.workerFinishes("b");
        assertEquals(0, end.readUntilDone());
    }

    @Test
    void aPoolWithoutWorkersIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PoolEnd(0));
    }
}
