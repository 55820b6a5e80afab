package course.proof;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JcstressReportTest {
    /** The end of a real JCStress 0.16 run with -v, cut down to two tests. */
    static final List<String> OUTPUT = List.of(
            ".......... [OK] course.prove.LostResultsTests.WrongClient",
            "  RESULT  SAMPLES     FREQ       EXPECT  DESCRIPTION",
            "       0        4  100.00%  Interesting  results missed: the race",
            "",
            "RUN RESULTS:",
            "  Interesting tests: 1 matching test results.",
            "",
            ".......... [OK] course.prove.LostResultsTests.WrongClient",
            "",
            "  Results across all configurations:",
            "",
            "  RESULT      SAMPLES     FREQ       EXPECT  DESCRIPTION",
            "       0    1,987,022   93.65%  Interesting  results missed: the race",
            "       1       21,915    1.03%  Interesting  results missed: the race",
            "       2      112,867    5.32%   Acceptable  all results seen",
            "",
            ".......... [FAILED] course.prove.MemoryModelTests.VolatileFlag",
            "  RESULT      SAMPLES     FREQ       EXPECT  DESCRIPTION",
            "    0, 0    1,685,879   37.83%   Acceptable  flag not seen yet",
            "    1, 0           17   <0.01%    Forbidden  flag seen before the data",
            "   1, 42    2,767,166   62.09%   Acceptable  flag and data seen",
            "",
            "  Failed tests: No matches.");

    @Test
    void readsEveryTestOfTheRunResultsSectionOnce() {
        JcstressReport report = JcstressReport.parse(OUTPUT, Duration.ofSeconds(3));
        assertEquals(2, report.tests().size());
        assertEquals("LostResultsTests.WrongClient", report.tests().get(0).shortName());
        assertEquals(3, report.test("WrongClient").outcomes().size());
    }

    @Test
    void countsSamplesByOutcomeAndByGrade() {
        JcstressReport.Test wrong = JcstressReport.parse(OUTPUT, Duration.ZERO).test("WrongClient");
        assertEquals(21_915, wrong.count("1"));
        assertEquals(1_987_022 + 21_915, wrong.seen(JcstressReport.Expect.INTERESTING));
        assertEquals(1_987_022 + 21_915 + 112_867, wrong.samples());
        assertEquals(0, wrong.count("7"));
    }

    @Test
    void readsOutcomesWithSeveralValuesAndTinyShares() {
        JcstressReport.Test flag = JcstressReport.parse(OUTPUT, Duration.ZERO).test("VolatileFlag");
        assertEquals("FAILED", flag.status());
        assertEquals(17, flag.count("1, 0"));
        assertEquals(17, flag.seen(JcstressReport.Expect.FORBIDDEN));
    }

    @Test
    void tableListsEveryOutcomeWithItsShare() {
        String table = JcstressReport.parse(OUTPUT, Duration.ZERO).test("WrongClient").table();
        assertTrue(table.contains("1,987,022"), table);
        assertTrue(table.contains("interesting"), table);
    }

    @Test
    void anOutputWithoutResultsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> JcstressReport.parse(List.of("FATAL: No matching tests."), Duration.ZERO));
    }

    @Test
    void anUnknownTestIsRefusedWithTheNamesThereAre() {
        JcstressReport report = JcstressReport.parse(OUTPUT, Duration.ZERO);
        NoSuchElementException e = assertThrows(NoSuchElementException.class, () -> report.test("PlainFlag"));
        assertTrue(e.getMessage().contains("LostResultsTests.WrongClient"), e.getMessage());
    }
}
