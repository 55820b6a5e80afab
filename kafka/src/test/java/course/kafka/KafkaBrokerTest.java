package course.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One real broker for the whole class: started, used by a plain producer and consumer, closed. */
class KafkaBrokerTest {

    @Test
    void aStartedBrokerDeliversWhatIsProducedAndLeavesNoThreadOrFolderAfterClose() throws Exception {
        Set<String> before = Fixtures.kafkaThreads();
        KafkaBroker broker = KafkaBroker.start(2);
        var dir = broker.dataDir();
        try {
            assertTrue(broker.bootstrapServers().startsWith("127.0.0.1:"), broker.bootstrapServers());
            broker.createTopic("hello", 2);
            try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers(),
                    "acks", "all"), new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < 10; i++) {
                    producer.send(new ProducerRecord<>("hello", i % 2, "k" + i, "v" + i)).get();
                }
            }
            List<String> got = new ArrayList<>();
            try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()),
                    new StringDeserializer(), new StringDeserializer())) {
                var parts = List.of(new TopicPartition("hello", 0), new TopicPartition("hello", 1));
                consumer.assign(parts);
                consumer.seekToBeginning(parts);
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (got.size() < 10 && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                        got.add(r.value());
                    }
                }
            }
            assertEquals(10, got.size(), "records consumed: " + got);
        } finally {
            broker.close();
        }
        broker.close();   // idempotent
        assertFalse(Files.exists(dir), "the data folder is removed on close");
        Set<String> left = Fixtures.kafkaThreads();
        left.removeAll(before);
        assertTrue(left.isEmpty(), "threads left after close: " + left);
    }

    @Test
    void badPartitionCountsAreRefusedAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> KafkaBroker.start(0));
    }
}
