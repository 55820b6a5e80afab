package course.cqrs;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MixedLoadTest {
    @Test
    void everyOperationIsCountedOnceAsAReadOrAWrite() throws Exception {
        Dataset data = Dataset.generate(2, 100);
        try (CrudStore crud = new CrudStore()) {
            List<Long> ids = crud.createAll(data.creates());
            MixedLoad.Report r = MixedLoad.run("crud", crud, data, ids, 3, 40, 0.7, 1);
            assertEquals(120, r.reads() + r.writes());
            assertTrue(r.readPercentile(0.5) <= r.readPercentile(0.99));
            assertTrue(r.writesPerSecond() >= 0);
            assertTrue(crud.size() > 100 && crud.size() <= 100 + r.writes(),
                    "creates add articles, updates do not: " + crud.size() + " after " + r.writes() + " writes");
        }
        assertEquals(0, TestData.awaitPoolThreadsAtMost(0));
    }

    @Test
    void aReportCopiesItsLatenciesInAndOut() {
        double[] reads = {30, 10, 20};
        MixedLoad.Report report = new MixedLoad.Report("r", 1, reads, new double[]{5}, 1);
        reads[0] = 99;
        report.readMicros()[0] = 99;
        assertEquals(List.of(10.0, 20.0, 30.0), Arrays.stream(report.readMicros()).boxed().toList());
        assertEquals(new MixedLoad.Report("r", 1, new double[]{10, 20, 30}, new double[]{5}, 1), report);
    }

    @Test
    void theListenerHearsEveryOperationOnce() throws Exception {
        Dataset data = Dataset.generate(2, 50);
        try (var crud = new CrudStore()) {
            List<Long> ids = crud.createAll(data.creates());
            var heard = new java.util.concurrent.atomic.LongAdder();
            MixedLoad.Report r = MixedLoad.run("heard", crud, data, ids, 2, 15, 0.5, 1, heard::increment);
            assertEquals(30, heard.sum());
            assertEquals(30, r.reads() + r.writes());
        }
    }

    @Test
    void aReadOnlyLoadWritesNothing() throws Exception {
        Dataset data = Dataset.generate(2, 50);
        try (CrudStore crud = new CrudStore()) {
            List<Long> ids = crud.createAll(data.creates());
            MixedLoad.Report r = MixedLoad.run("reads", crud, data, ids, 2, 20, 1.0, 1);
            assertEquals(40, r.reads());
            assertEquals(0, r.writes());
            assertEquals(0, r.writePercentile(0.99));
            assertEquals(50, crud.size());
        }
    }

    @Test
    void theWriterDoesExactlyItsWritesWhileReadersRead() throws Exception {
        Dataset data = Dataset.generate(2, 80);
        try (CrudStore crud = new CrudStore()) {
            List<Long> ids = crud.createAll(data.creates());
            MixedLoad.Report alone = MixedLoad.writesAgainstReaders("alone", crud, data, ids, 0, 15, 1);
            assertEquals(15, alone.writes());
            assertEquals(0, alone.reads());
            MixedLoad.Report crowded = MixedLoad.writesAgainstReaders("crowded", crud, data, ids, 3, 15, 1);
            assertEquals(15, crowded.writes());
            assertEquals(4, crowded.clients());
        }
        assertEquals(0, TestData.awaitPoolThreadsAtMost(0));
    }

    @Test
    void badArgumentsAreRejected() {
        Dataset data = Dataset.generate(2, 10);
        try (CrudStore crud = new CrudStore()) {
            assertThrows(IllegalArgumentException.class, () -> MixedLoad.run("x", crud, data, List.of(), 1, 1, 0.5, 1));
            assertThrows(IllegalArgumentException.class, () -> MixedLoad.run("x", crud, data, List.of(1L), 0, 1, 0.5, 1));
            assertThrows(IllegalArgumentException.class, () -> MixedLoad.run("x", crud, data, List.of(1L), 1, 1, 1.5, 1));
            assertThrows(IllegalArgumentException.class,
                    () -> MixedLoad.writesAgainstReaders("x", crud, data, List.of(1L), -1, 1, 1));
        }
    }

    @Test
    void aBurstSendsEveryCommandOnceAsItsOwnCreate() throws Exception {
        List<CreateArticle> commands = Dataset.generate(3, 53).creates();
        try (CrudStore crud = new CrudStore()) {
            MixedLoad.Report r = MixedLoad.burst("burst", crud, commands, 4);
            assertEquals(53, r.writes());
            assertEquals(0, r.reads());
            assertEquals(53, crud.size());
            assertThrows(IllegalArgumentException.class, () -> MixedLoad.burst("x", crud, commands, 0));
            assertThrows(IllegalArgumentException.class, () -> MixedLoad.burst("x", crud, List.of(), 1));
        }
        assertEquals(0, TestData.awaitPoolThreadsAtMost(0));
    }
}
