package course.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import course.cqrs.Event;
import course.cqrs.LogEntry;
import course.cqrs.PartitionedLog;
import course.data.DataFiles;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The CQRS toy model's event log as a topic on a real Kafka broker: the same {@link PartitionedLog}
 * as the in-process {@link course.cqrs.EventLog}, so the same {@link course.cqrs.Projector} and
 * {@link course.cqrs.ReadStore} run on it unchanged.
 *
 * <ul>
 *   <li>{@link #append} sends an event as JSON, keyed by its article id, to partition
 *       {@code floorMod(Long.hashCode(key), partitions)}: the in-process log's rule, so an event
 *       lands in the same partition on both, at the same offset when appended in the same order.
 *       The producer is idempotent with {@code acks=all}: a retried send is not written twice.</li>
 *   <li>{@link #poll} reads one partition from an offset with a consumer of its own
 *       ({@code assign} and {@code seek}, no consumer group: the projector keeps its offsets in the
 *       read store, in the same transaction as the rows). A {@link KafkaConsumer} is not
 *       thread-safe; each partition's consumer is used under its own lock.</li>
 *   <li>{@link #endOffsets} and {@link #entry} use one more consumer, under another lock.</li>
 * </ul>
 * {@link #close()} closes the producer and every consumer (their network threads end with them).
 * Close the projector first: a poll under way holds its partition's consumer.
 *
 * <pre>{@code
 * try (KafkaBroker broker = KafkaBroker.start();
 *      KafkaEventLog log = new KafkaEventLog(broker.bootstrapServers(), "articles", 4);
 *      ReadStore reads = new ReadStore();
 *      Projector projector = new Projector(log, reads).start()) {
 *     log.appendAll(events);
 *     projector.awaitCaughtUp(Duration.ofSeconds(10));
 * }
 * }</pre>
 */
public final class KafkaEventLog implements PartitionedLog, AutoCloseable {
    static {
        QuietLogs.apply();
    }

    /** The course's JSON mapper, on one line per record. */
    private static final ObjectMapper JSON = DataFiles.mapper().copy().disable(SerializationFeature.INDENT_OUTPUT);

    private final String bootstrap;
    private final String topic;
    private final int partitions;
    private final KafkaProducer<String, byte[]> producer;
    /** One consumer per partition, made on first poll; element p is used only under {@code partitionLocks[p]}. */
    private final KafkaConsumer<String, byte[]>[] readers;
    private final Object[] partitionLocks;
    /** For end offsets and single entries; used only under its own monitor. */
    private final KafkaConsumer<String, byte[]> lookup;

    /**
     * Connects to {@code topic} on the broker at {@code bootstrapServers}, creating it with
     * {@code partitions} partitions if it does not exist.
     *
     * @throws IllegalArgumentException when the topic is blank, partitions is not 1 to 64, or an
     *                                  existing topic has a different number of partitions
     */
    @SuppressWarnings("unchecked")
    public KafkaEventLog(String bootstrapServers, String topic, int partitions) {
        this.bootstrap = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        this.topic = Objects.requireNonNull(topic, "topic");
        if (topic.isBlank()) {
            throw new IllegalArgumentException("topic name is blank");
        }
        if (partitions < 1 || partitions > 64) {
            throw new IllegalArgumentException("partitions must be 1 to 64, got " + partitions);
        }
        this.partitions = partitions;
        ensureTopic();
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 2,
                // one request in flight per partition: on a loaded machine, a timed-out request retried
                // beside later ones can leave the broker rejecting the partition's sequence numbers
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 60_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 180_000),
                new StringSerializer(), new ByteArraySerializer());
        this.readers = (KafkaConsumer<String, byte[]>[]) new KafkaConsumer<?, ?>[partitions];
        this.partitionLocks = IntStream.range(0, partitions).mapToObj(i -> new Object()).toArray();
        this.lookup = consumer();
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public int partitions() {
        return partitions;
    }

    /** The partition of every event with this key, as in {@link course.cqrs.EventLog#partitionFor}. */
    public int partitionFor(long key) {
        return Math.floorMod(Long.hashCode(key), partitions);
    }

    /** Sends one event and waits for the broker to acknowledge it. */
    public LogEntry append(Event event) {
        return appendAll(List.of(event)).getFirst();
    }

    /** Sends events in order (pipelined), then waits for every acknowledgement. */
    public List<LogEntry> appendAll(List<Event> events) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
        for (Event e : events) {
            Objects.requireNonNull(e, "event");
            sent.add(producer.send(new ProducerRecord<>(topic, partitionFor(e.key()), Long.toString(e.key()), toJson(e))));
        }
        producer.flush();
        List<LogEntry> out = new ArrayList<>(events.size());
        try {
            for (int i = 0; i < sent.size(); i++) {
                RecordMetadata m = sent.get(i).get(30, TimeUnit.SECONDS);
                out.add(new LogEntry(topic, m.partition(), m.offset(), nanosAt(m.timestamp()), events.get(i)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker's acknowledgements", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the broker did not acknowledge an event on " + topic + ": " + e, e);
        }
        return out;
    }

    /**
     * Sends events in order at about {@code perSecond} events a second (in chunks of 20, sleeping
     * between them to keep the pace), then waits for every acknowledgement: a steady producer.
     *
     * @throws IllegalArgumentException when the rate is not positive
     */
    public void appendAtRate(List<Event> events, double perSecond) throws InterruptedException {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("perSecond must be positive, got " + perSecond);
        }
        long start = System.nanoTime();
        for (int from = 0; from < events.size(); from += 20) {
            List<Event> chunk = events.subList(from, Math.min(events.size(), from + 20));
            for (Event e : chunk) {
                producer.send(new ProducerRecord<>(topic, partitionFor(e.key()), Long.toString(e.key()), toJson(e)));
            }
            long due = start + (long) ((from + chunk.size()) / perSecond * 1e9);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(Duration.ofNanos(wait));
            }
        }
        producer.flush();
    }

    @Override
    public long[] endOffsets() {
        List<TopicPartition> tps = IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(topic, p)).toList();
        synchronized (lookup) {
            Map<TopicPartition, Long> ends = lookup.endOffsets(tps, Duration.ofSeconds(30));
            return tps.stream().mapToLong(ends::get).toArray();
        }
    }

    @Override
    public LogEntry entry(int partition, long offset) {
        checkPartition(partition);
        TopicPartition tp = new TopicPartition(topic, partition);
        synchronized (lookup) {
            lookup.assign(List.of(tp));
            lookup.seek(tp, offset);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : lookup.poll(Duration.ofMillis(100))) {
                    if (r.offset() == offset) {
                        return toEntry(r);
                    }
                }
            }
        }
        throw new IndexOutOfBoundsException("partition " + partition + " of topic " + topic
                + " has no entry at offset " + offset);
    }

    @Override
    public List<LogEntry> poll(int partition, long from, int max, Duration timeout) throws InterruptedException {
        checkPartition(partition);
        if (max <= 0) {
            throw new IllegalArgumentException("max must be positive, got " + max);
        }
        if (from < 0) {
            throw new IllegalArgumentException("offset must not be negative, got " + from);
        }
        TopicPartition tp = new TopicPartition(topic, partition);
        synchronized (partitionLocks[partition]) {
            KafkaConsumer<String, byte[]> c = readers[partition];
            if (c == null) {
                c = readers[partition] = consumer();
                c.assign(List.of(tp));
                c.seek(tp, from);
            } else if (c.position(tp) != from) {
                c.seek(tp, from);
            }
            List<LogEntry> out = new ArrayList<>();
            try {
                for (ConsumerRecord<String, byte[]> r : c.poll(timeout).records(tp)) {
                    if (out.size() == max) {
                        break;
                    }
                    out.add(toEntry(r));
                }
            } catch (InterruptException e) {
                Thread.interrupted();   // Kafka set the flag again; the checked exception carries it now
                throw new InterruptedException("interrupted while polling " + tp);
            }
            if (!out.isEmpty()) {
                c.seek(tp, out.getLast().offset() + 1);   // records past max are read again next time
            }
            return out;
        }
    }

    /** Closes the producer and every consumer. Idempotent. */
    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
        for (int p = 0; p < partitions; p++) {
            synchronized (partitionLocks[p]) {
                if (readers[p] != null) {
                    readers[p].close(Duration.ofSeconds(5));
                    readers[p] = null;
                }
            }
        }
        synchronized (lookup) {
            lookup.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public String toString() {
        return "KafkaEventLog[" + topic + " on " + bootstrap + ", " + partitions + " partitions]";
    }

    // ---- mechanics ---------------------------------------------------------------------

    static byte[] toJson(Event e) {
        try {
            return JSON.writeValueAsBytes(e);
        } catch (JsonProcessingException x) {
            throw new IllegalArgumentException("cannot write event " + e.key() + " as JSON", x);
        }
    }

    static Event fromJson(byte[] bytes) {
        try {
            return JSON.readValue(bytes, Event.class);
        } catch (IOException x) {
            throw new UncheckedIOException("a record of the topic is not an event", x);
        }
    }

    static LogEntry toEntry(ConsumerRecord<String, byte[]> r) {
        return new LogEntry(r.topic(), r.partition(), r.offset(), nanosAt(r.timestamp()), fromJson(r.value()));
    }

    /** A record's wall-clock timestamp as a {@link System#nanoTime()} reading, for {@link LogEntry#age()}. */
    private static long nanosAt(long epochMillis) {
        return System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(Math.max(0, System.currentTimeMillis() - epochMillis));
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 256,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    private void ensureTopic() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            try {
                admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                int existing = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                        .get(topic).partitions().size();
                if (existing != partitions) {
                    throw new IllegalArgumentException("topic " + topic + " exists with " + existing
                            + " partitions, not " + partitions);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + topic, e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot create topic " + topic + " on " + bootstrap + ": " + e, e);
        }
    }

    private void checkPartition(int partition) {
        if (partition < 0 || partition >= partitions) {
            throw new IllegalArgumentException("partition must be 0 to " + (partitions - 1) + ", got " + partition);
        }
    }
}
