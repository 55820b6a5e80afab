package course.structured;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RequestIdsTest {
    @Test
    void aScopedValueIsVisibleInEveryForkedSubtask() throws InterruptedException {
        assertEquals(Collections.nCopies(4, "req-7"), RequestIds.seenByForks("req-7", 4));
    }

    @Test
    void theScopedValueIsGoneAfterTheScope() throws InterruptedException {
        RequestIds.seenByForks("req-8", 2);
        assertEquals(RequestIds.UNBOUND, RequestIds.current());
    }

    @Test
    void noForksSeeNothing() throws InterruptedException {
        assertEquals(List.of(), RequestIds.seenByForks("req-9", 0));
    }

    @Test
    void argumentsAreCheckedAtOnce() {
        assertThrows(NullPointerException.class, () -> RequestIds.seenByForks(null, 1));
        assertThrows(IllegalArgumentException.class, () -> RequestIds.seenByForks("x", -1));
    }
}
