package course.kafka;

import course.cqrs.Event;
import course.cqrs.EventLog;
import course.cqrs.Projector;
import course.cqrs.ReadStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CQRS log on a topic of a real broker (one broker for the class). */
class KafkaEventLogTest extends BrokerPerClass {
    @Test
    void theProjectorOnKafkaReachesTheSameReadModelAsOnTheInProcessLog() throws Exception {
        List<Event> events = Fixtures.events(200);
        EventLog local = new EventLog("articles", 4);
        events.forEach(local::append);
        try (KafkaEventLog kafka = new KafkaEventLog(broker.bootstrapServers(), "same-model", 4);
             ReadStore onLocal = new ReadStore();
             ReadStore onKafka = new ReadStore()) {
            kafka.appendAll(events);
            assertArrayEquals(local.endOffsets(), kafka.endOffsets(), "the same partitions and offsets");
            try (Projector a = new Projector(local, onLocal).start(); Projector b = new Projector(kafka, onKafka).start()) {
                assertTrue(a.awaitCaughtUp(Duration.ofSeconds(30)), "in-process projector caught up");
                assertTrue(b.awaitCaughtUp(Duration.ofSeconds(30)), "Kafka projector caught up: " + b);
            }
            assertEquals(onLocal.contents(), onKafka.contents(), "the same rows in both read models");
        }
    }

    @Test
    void aRebuildReplaysTheTopicFromTheEarliestOffset() throws Exception {
        List<Event> events = Fixtures.events(80);
        try (KafkaEventLog kafka = new KafkaEventLog(broker.bootstrapServers(), "rebuild", 4);
             ReadStore reads = new ReadStore();
             Projector projector = new Projector(kafka, reads).start()) {
            kafka.appendAll(events);
            assertTrue(projector.awaitCaughtUp(Duration.ofSeconds(30)));
            var first = reads.contents();
            projector.rebuild();
            assertTrue(projector.awaitCaughtUp(Duration.ofSeconds(30)));
            assertEquals(first, reads.contents());
            assertEquals(2L * events.size(), projector.applied(), "every event applied once per build");
        }
    }

    @Test
    void anEventReadBackFromTheTopicEqualsTheEventSent() {
        Event e = Fixtures.events(1).getFirst();
        try (KafkaEventLog kafka = new KafkaEventLog(broker.bootstrapServers(), "round-trip", 4)) {
            var sent = kafka.append(e);
            assertEquals(e, kafka.entry(sent.partition(), sent.offset()).event());
        }
    }
}
