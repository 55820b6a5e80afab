package course.kafka;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One real broker for a whole test class, started before its first test and closed after its
 * last, with a check that closing it left none of Kafka's threads behind.
 */
abstract class BrokerPerClass {
    /** The class's broker, with 4 partitions per topic unless a test asks for others. */
    static KafkaBroker broker;
    /** Kafka's threads that were alive before the broker started; they are not the broker's. */
    private static Set<String> before;

    @BeforeAll
    static void startBroker() {
        before = Fixtures.kafkaThreads();
        broker = KafkaBroker.start(4);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
        Set<String> left = Fixtures.kafkaThreads();
        left.removeAll(before);
        assertTrue(left.isEmpty(), "threads left after close: " + left);
    }
}
