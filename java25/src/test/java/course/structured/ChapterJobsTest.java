package course.structured;

import course.concurrent.Context;
import course.pool.Jobs;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChapterJobsTest {
    @Test
    void tenJobsOfWhichOnlyTheFailingOneFails() {
        var jobs = ChapterJobs.tenWithAFailure(Duration.ofNanos(1));
        assertEquals(ChapterJobs.COUNT, jobs.size());
        for (int i = 0; i < jobs.size(); i++) {
            var r = jobs.get(i).execute(Context.background());
            assertEquals(String.valueOf(i), r.descriptor().id());
            if (i == ChapterJobs.FAILING) {
                assertTrue(r.error().getMessage().startsWith(Jobs.WRONG_ARGUMENT_TYPE), r.toString());
            } else {
                assertEquals(2 * i, r.value());
            }
        }
    }

    @Test
    void theDeadlineIsSixAndAHalfUnits() {
        assertEquals(Duration.ofMillis(65), ChapterJobs.deadline(Duration.ofMillis(10)));
    }

    @Test
    void theUnitMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> ChapterJobs.tenWithAFailure(Duration.ZERO));
        assertThrows(NullPointerException.class, () -> ChapterJobs.deadline(null));
    }
}
