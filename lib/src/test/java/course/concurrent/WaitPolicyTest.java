package course.concurrent;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WaitPolicyTest {
    @Test
    void parkTriesNoMoreAndSpinThenParkYieldsItsCountFirst() {
        assertEquals(0, WaitPolicy.PARK.yields());
        assertEquals(WaitPolicy.SPIN_YIELDS, WaitPolicy.SPIN_THEN_PARK.yields());
        assertEquals(100, WaitPolicy.SPIN_YIELDS);
    }

    @Test
    void theDefaultIsSpinThenPark() {
        assertEquals(WaitPolicy.SPIN_THEN_PARK, WaitPolicy.DEFAULT);
    }
}
