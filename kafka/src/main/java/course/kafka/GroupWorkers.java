package course.kafka;

import course.cqrs.LogEntry;
import course.cqrs.ReadStore;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A consumer group as a distributed worker pool: chapter 1's pool where the jobs queue is a
 * topic's partitions and each worker is a Kafka consumer in one group. The broker's group
 * coordinator hands each partition to exactly one member; when a member joins or leaves, the group
 * <em>rebalances</em> and the partitions move. Every worker applies what it receives to one shared
 * {@link ReadStore}, the CQRS projection of chapter 5.
 *
 * <p>Each worker's loop: poll a batch; wait {@code costPerEvent} per event (the projection's work,
 * simulated, as in chapter 1); apply the batch with {@link ReadStore#applyAll}; then commit the
 * batch's offsets to Kafka. That order is <b>at-least-once</b>: a worker that dies after applying
 * and before committing leaves the group with its last batch uncommitted, and the partition's next
 * owner receives that batch again ({@link #redelivered()}). The store absorbs it: it keeps each
 * partition's next offset in the same transaction as the rows and skips entries below it, so an
 * entry delivered twice is applied once ({@link #applied()} counts what changed the model).
 *
 * <p>{@link #stop(int)} stops a worker gracefully (it commits, then leaves the group);
 * {@link #crash(int)} stops it between its apply and its commit, the window where at-least-once
 * delivers twice. A commit refused because the group rebalanced meanwhile ({@link #lostCommits()})
 * leaves its batch uncommitted in the same way, and the worker goes on. {@link #sample()} records who owns which partition and each partition's lag
 * (the topic's end offset minus the store's next offset); {@link #record(Duration)} samples on a
 * thread of its own until {@link #close()}.
 *
 * <pre>{@code
 * try (GroupWorkers group = new GroupWorkers(broker.bootstrapServers(), "articles", "projectors",
 *                                           4, reads, Duration.ofMillis(1))) {
 *     group.record(Duration.ofMillis(100));
 *     int a = group.add(), b = group.add(), c = group.add();
 *     ...
 *     group.stop(b);
 *     group.awaitCaughtUp(Duration.ofSeconds(30));
 *     group.timeline();   // samples: time, owner per partition, lag per partition
 * }
 * }</pre>
 */
public final class GroupWorkers implements AutoCloseable {
    static {
        QuietLogs.apply();
    }

    /** The most records a worker takes per poll. */
    public static final int MAX_BATCH = 50;

    /**
     * One look at the group.
     *
     * @param atMillis milliseconds since the group was made
     * @param owner    per partition, the worker that owns it, or -1 while no one does (a rebalance)
     * @param lag      per partition, entries in the topic not yet applied to the store
     */
    public record Sample(long atMillis, int[] owner, long[] lag) {
        /** The lag over all partitions. */
        public long totalLag() {
            long sum = 0;
            for (long l : lag) {
                sum += l;
            }
            return sum;
        }
    }

    private final String bootstrap;
    private final String topic;
    private final String groupId;
    private final int partitions;
    private final ReadStore store;
    private final long costNanos;
    private final long startNanos = System.nanoTime();

    /** Worker id to worker, for the workers not yet stopped. */
    private final Map<Integer, Worker> workers = new ConcurrentHashMap<>();
    /** Partition to owning worker id, kept by the workers' rebalance listeners. */
    private final Map<Integer, Integer> owners = new ConcurrentHashMap<>();
    /** How many times each (partition, offset) was delivered to some worker. */
    private final Map<Long, Integer> deliveries = new ConcurrentHashMap<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong redelivered = new AtomicLong();
    private final AtomicLong lostCommits = new AtomicLong();
    private final List<Sample> timeline = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final Admin admin;
    /** Guards nextId and recorder. */
    private final Object lock = new Object();
    private int nextId = 1;
    private Thread recorder;
    private volatile boolean closed;

    /**
     * A group {@code groupId} of workers on {@code topic} (which must exist, with {@code partitions}
     * partitions), applying to {@code store} at {@code costPerEvent} each. No worker runs until {@link #add()}.
     *
     * @throws IllegalArgumentException when partitions is not positive or the cost is negative
     */
    public GroupWorkers(String bootstrapServers, String topic, String groupId, int partitions, ReadStore store,
                        Duration costPerEvent) {
        this.bootstrap = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.groupId = Objects.requireNonNull(groupId, "groupId");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be positive, got " + partitions);
        }
        this.partitions = partitions;
        this.store = Objects.requireNonNull(store, "store");
        if (costPerEvent.isNegative()) {
            throw new IllegalArgumentException("costPerEvent must not be negative, got " + costPerEvent);
        }
        this.costNanos = costPerEvent.toNanos();
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
    }

    /** Starts one more worker (a consumer joining the group, which rebalances); returns its id. */
    public int add() {
        int id;
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the group is closed");
            }
            id = nextId++;
        }
        Worker w = new Worker(id);
        workers.put(id, w);
        w.thread.start();
        return id;
    }

    /** Stops a worker gracefully: it finishes and commits its batch, leaves the group, and its thread ends. */
    public void stop(int id) throws InterruptedException {
        end(id, false);
    }

    /**
     * Stops a worker right after its next apply and before that batch's commit: the at-least-once
     * window (if no batch comes, it stops at its next empty poll, having nothing uncommitted).
     */
    public void crash(int id) throws InterruptedException {
        end(id, true);
    }

    /** The ids of the workers running. */
    public List<Integer> running() {
        return workers.keySet().stream().sorted().toList();
    }

    /** Looks at the group now: owner and lag per partition. */
    public Sample sample() {
        int[] owner = new int[partitions];
        long[] lag = new long[partitions];
        long[] ends = endOffsets();
        for (int p = 0; p < partitions; p++) {
            owner[p] = owners.getOrDefault(p, -1);
            lag[p] = Math.max(0, ends[p] - store.nextOffset(p));
        }
        return new Sample(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos), owner, lag);
    }

    /** Samples every {@code every} on a thread of its own until {@link #close()}; see {@link #timeline()}. */
    public void record(Duration every) {
        long ms = Math.max(10, every.toMillis());
        synchronized (lock) {
            if (recorder != null) {
                throw new IllegalStateException("already recording");
            }
            recorder = Thread.ofPlatform().name("group-recorder").daemon().start(() -> {
                while (!closed) {
                    try {
                        timeline.add(sample());
                        Thread.sleep(ms);
                    } catch (InterruptedException e) {
                        return;
                    } catch (RuntimeException e) {
                        if (!closed) {
                            failures.add(e);
                        }
                        return;
                    }
                }
            });
        }
    }

    /** The samples recorded so far, oldest first. */
    public List<Sample> timeline() {
        return List.copyOf(timeline);
    }

    /**
     * Waits until the store has applied everything in the topic, or {@code timeout} passes.
     *
     * @return whether it caught up
     */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (sample().totalLag() == 0) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /**
     * Waits until the group is balanced: every partition owned, by as many distinct workers as can
     * have one ({@code min(running, partitions)}), or {@code timeout} passes.
     *
     * @return whether it got balanced
     */
    public boolean awaitBalanced(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            int[] owner = sample().owner();
            long distinct = java.util.Arrays.stream(owner).distinct().count();
            if (java.util.Arrays.stream(owner).noneMatch(o -> o < 0)
                    && distinct == Math.min(workers.size(), partitions)) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** Records delivered to workers, counting each delivery. */
    public long delivered() {
        return delivered.get();
    }

    /** Deliveries of an entry that had been delivered before (at-least-once at work). */
    public long redelivered() {
        return redelivered.get();
    }

    /**
     * Commits refused because the group was rebalancing while the batch was applied: another way a
     * batch is left uncommitted and delivered again.
     */
    public long lostCommits() {
        return lostCommits.get();
    }

    /** Entries that changed the read model: each entry at most once, however often delivered. */
    public long applied() {
        return applied.get();
    }

    /** What went wrong in a worker or the recorder; empty when nothing did. */
    public List<Throwable> failures() {
        return List.copyOf(failures);
    }

    /** Stops every worker gracefully and the recorder, and closes the admin client. Idempotent. */
    @Override
    public void close() throws InterruptedException {
        Thread rec;
        synchronized (lock) {
            closed = true;
            rec = recorder;
        }
        for (int id : running()) {
            stop(id);
        }
        if (rec != null) {
            rec.interrupt();
            rec.join();
        }
        admin.close(Duration.ofSeconds(5));
    }

    // ---- mechanics ---------------------------------------------------------------------

    private void end(int id, boolean crash) throws InterruptedException {
        Worker w = workers.remove(id);
        if (w == null) {
            throw new IllegalArgumentException("no running worker " + id + "; running: " + running());
        }
        w.crash = crash;
        w.stopping = true;
        if (!crash) {
            w.consumer.wakeup();   // a crash waits for the worker's next apply, the window it is about
        }
        w.thread.join();
    }

    private long[] endOffsets() {
        Map<TopicPartition, OffsetSpec> ask = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            ask.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        try {
            var got = admin.listOffsets(ask).all().get(10, TimeUnit.SECONDS);
            long[] ends = new long[partitions];
            for (int p = 0; p < partitions; p++) {
                ends[p] = got.get(new TopicPartition(topic, p)).offset();
            }
            return ends;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading end offsets", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic + ": " + e, e);
        }
    }

    /** One member of the group: a consumer and the platform thread that runs its loop. */
    private final class Worker implements ConsumerRebalanceListener {
        final int id;
        final KafkaConsumer<String, byte[]> consumer;
        final Thread thread;
        /** Set by end() before it wakes the consumer; read by the loop. */
        volatile boolean stopping;
        volatile boolean crash;

        Worker(int id) {
            this.id = id;
            this.consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, groupId,
                    ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-worker-" + id,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_BATCH,
                    ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName(),
                    ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000,
                    ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1_000),
                    new StringDeserializer(), new ByteArrayDeserializer());
            this.thread = Thread.ofPlatform().name(groupId + "-worker-" + id).unstarted(this::run);
        }

        /**
         * Plan: subscribe; until stopped, poll, simulate the cost, apply to the store, commit.
         * A crash stops after an apply and skips its commit; both ways close the consumer, which
         * leaves the group so the others rebalance at once.
         */
        private void run() {
            try {
                consumer.subscribe(List.of(topic), this);
                while (!(stopping && !crash)) {   // a crash ends after its next apply, below
                    ConsumerRecords<String, byte[]> records;
                    try {
                        records = consumer.poll(Duration.ofMillis(100));
                    } catch (WakeupException e) {
                        break;
                    }
                    if (records.isEmpty()) {
                        if (stopping) {
                            break;   // nothing in hand: a crash now loses nothing uncommitted
                        }
                        continue;
                    }
                    List<LogEntry> batch = new ArrayList<>(records.count());
                    for (ConsumerRecord<String, byte[]> r : records) {
                        batch.add(KafkaEventLog.toEntry(r));
                        long key = ((long) r.partition() << 40) | r.offset();
                        if (deliveries.merge(key, 1, Integer::sum) > 1) {
                            redelivered.incrementAndGet();
                        }
                    }
                    delivered.addAndGet(batch.size());
                    if (costNanos > 0) {
                        Thread.sleep(Duration.ofNanos(costNanos * batch.size()));
                    }
                    applied.addAndGet(store.applyAll(batch));
                    if (stopping && crash) {
                        break;   // died after the apply, before the commit
                    }
                    try {
                        consumer.commitSync();
                    } catch (WakeupException e) {
                        consumer.commitSync();   // a graceful stop woke the commit: commit, then leave
                        break;
                    } catch (RebalanceInProgressException | CommitFailedException e) {
                        // the group rebalanced while this batch was applied: its partitions may have
                        // moved, uncommitted, and their next owner gets the batch again (at least once);
                        // the next poll rejoins the group
                        lostCommits.incrementAndGet();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                failures.add(e);
            } finally {
                owners.values().removeIf(owner -> owner == id);
                consumer.close(Duration.ofSeconds(5));
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> parts) {
            for (TopicPartition tp : parts) {
                owners.put(tp.partition(), id);
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> parts) {
            for (TopicPartition tp : parts) {
                owners.remove(tp.partition(), id);
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> parts) {
            onPartitionsRevoked(parts);
        }
    }
}
