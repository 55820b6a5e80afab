package course.pool;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultTest {
    static final JobDescriptor JOB = new JobDescriptor("5", "double");

    @Test
    void anOkResultHoldsItsValueAndNoError() {
        Result<Integer> r = Result.ok(JOB, 10);
        assertTrue(r.isOk());
        assertEquals(10, r.value());
        assertNull(r.error());
        assertEquals(10, r.orElseThrow());
        assertEquals("Result[5 ok 10]", r.toString());
    }

    @Test
    void anOkResultMayHoldNull() {
        assertTrue(Result.ok(JOB, null).isOk());
    }

    @Test
    void aFailedResultHoldsItsErrorAndNoValue() {
        IllegalArgumentException e = new IllegalArgumentException("wrong argument type");
        Result<Integer> r = Result.failed(JOB, e);
        assertFalse(r.isOk());
        assertSame(e, r.error());
        assertNull(r.value());
        IllegalStateException thrown = assertThrows(IllegalStateException.class, r::orElseThrow);
        assertSame(e, thrown.getCause());
        assertTrue(r.toString().contains("wrong argument type"));
    }

    @Test
    void inconsistentResultsAreRejected() {
        assertThrows(NullPointerException.class, () -> Result.ok(null, 1));
        assertThrows(NullPointerException.class, () -> Result.failed(JOB, null));
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
                () -> new Result<>(JOB, 1, new RuntimeException("x")));
        assertTrue(both.getMessage().contains("both"));
    }
}
