package course.kafka;

import course.cqrs.Event;
import course.cqrs.EventLog;
import course.cqrs.ReadStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A consumer group of workers on a real broker (one broker for the class). */
class GroupWorkersTest extends BrokerPerClass {
    private static ReadStore expected(List<Event> events) {
        EventLog local = new EventLog("articles", 4);
        events.forEach(local::append);
        ReadStore store = new ReadStore();
        store.replay(local);
        return store;
    }

    @Test
    void aWorkerStoppedMidRunLosesNoEvent() throws Exception {
        List<Event> events = Fixtures.events(400);
        try (KafkaEventLog log = new KafkaEventLog(broker.bootstrapServers(), "stop-one", 4);
             ReadStore reads = new ReadStore();
             ReadStore want = expected(events);
             GroupWorkers group = new GroupWorkers(broker.bootstrapServers(), "stop-one", "g-stop", 4, reads,
                     Duration.ofMillis(2))) {
            log.appendAll(events);
            group.add();
            int second = group.add();
            group.add();
            while (group.applied() < events.size() / 4) {
                Thread.sleep(10);
            }
            group.stop(second);
            assertTrue(group.awaitCaughtUp(Duration.ofSeconds(40)), "caught up: " + group.sample());
            assertEquals(List.of(), group.failures());
            assertEquals(events.size(), group.applied(), "every event applied exactly once");
            assertEquals(want.contents(), reads.contents());
        }
    }

    @Test
    void aCrashBetweenApplyAndCommitRedeliversButTheStoreAppliesOnce() throws Exception {
        List<Event> events = Fixtures.events(300);
        try (KafkaEventLog log = new KafkaEventLog(broker.bootstrapServers(), "crash-one", 4);
             ReadStore reads = new ReadStore();
             ReadStore want = expected(events);
             GroupWorkers group = new GroupWorkers(broker.bootstrapServers(), "crash-one", "g-crash", 4, reads,
                     Duration.ofMillis(2))) {
            log.appendAll(events);
            int only = group.add();
            while (group.applied() == 0) {
                Thread.sleep(10);
            }
            group.crash(only);
            group.add();
            assertTrue(group.awaitCaughtUp(Duration.ofSeconds(40)), "caught up: " + group.sample());
            assertTrue(group.redelivered() > 0, "the crashed batch was delivered again");
            assertEquals(events.size(), group.applied(), "yet every event applied exactly once");
            assertEquals(want.contents(), reads.contents());
        }
    }
}
