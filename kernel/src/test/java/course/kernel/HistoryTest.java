package course.kernel;

import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager.ResultFlag;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryTest {
    private static List<String> inputs(List<HistoryEntry> entries) {
        return entries.stream().map(HistoryEntry::getInput).toList();
    }

    private static History ofThree() {
        History history = new History();
        history.add(1, "int a = 1;");
        history.add(2, "a + 1");
        history.add(3, "int b = a;");
        return history;
    }

    @Test
    void anEmptyHistoryAnswersWithNoEntries() {
        assertTrue(new History().lookupTail(10, Set.of()).isEmpty());
    }

    @Test
    void tailGivesTheLastCellsInOrder() {
        assertEquals(List.of("a + 1", "int b = a;"), inputs(ofThree().lookupTail(2, Set.of())));
    }

    @Test
    void rangeGivesTheCellsFromStartToBeforeStop() {
        List<HistoryEntry> range = ofThree().lookupRange(0, 2, 3, Set.of());
        assertEquals(List.of("a + 1"), inputs(range));
        assertEquals(2, range.getFirst().getCellNumber());
    }

    @Test
    void searchMatchesAGlobAndCanBeUnique() {
        History history = ofThree();
        history.add(4, "int a = 1;");
        assertEquals(List.of("int a = 1;", "int b = a;", "int a = 1;"), inputs(history.search("int*", 10, Set.of())));
        assertEquals(List.of("int b = a;", "int a = 1;"),
                inputs(history.search("int*", 10, EnumSet.of(ResultFlag.UNIQUE))));
    }

    @Test
    void everyRequestGetsAnAnswerOfProtocolTuples() {
        assertEquals(List.of(List.of(1, 3, "int b = a;")),
                ofThree().answer(new HistoryRequest.Tail(false, true, 1)).get("history"));
        assertEquals(List.of(List.of(1, 3, List.of("int b = a;", ""))),
                ofThree().answer(new HistoryRequest.Tail(true, true, 1)).get("history"));
        assertEquals(List.of(), new History().answer(new HistoryRequest.Search(false, true, 5, "x*", false)).get("history"));
    }

    @Test
    void outputsAreEmptyWhenAsked() {
        assertEquals("", ofThree().lookupTail(1, EnumSet.of(ResultFlag.INCLUDE_OUTPUT)).getFirst().getOutput());
    }
}
