package course.kafka;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real, single-node Apache Kafka broker in this JVM: KRaft mode, one process that is both broker
 * and controller, bound to 127.0.0.1 on free ports, its data in a temporary folder removed on close.
 *
 * <p>How it starts ({@link #start()}), in steps:
 * <ol>
 *   <li>pick two free ports on 127.0.0.1, one for clients and one for the controller;</li>
 *   <li>format a fresh temporary log folder for KRaft (the job of {@code kafka-storage.sh format}:
 *       a cluster id, node id 1, the latest production metadata version);</li>
 *   <li>start {@code KafkaRaftServer} with settings for a single node: every internal topic
 *       ({@code __consumer_offsets}, {@code __transaction_state}) has replication factor 1, or
 *       consumer groups would wait forever for replicas that do not exist, and a new group
 *       rebalances at once ({@code group.initial.rebalance.delay.ms=0});</li>
 *   <li>wait until an admin client can describe the cluster, within {@link #START_TIMEOUT}.</li>
 * </ol>
 * When any step fails, the broker is shut down, its folder removed, and {@link BrokerStartException}
 * says which step failed and why. {@link #close()} shuts the broker down, waits for its threads to
 * end, and removes the folder; it is idempotent.
 *
 * <pre>{@code
 * try (KafkaBroker broker = KafkaBroker.start()) {
 *     broker.createTopic("articles", 4);
 *     Properties p = new Properties();
 *     p.put("bootstrap.servers", broker.bootstrapServers());   // 127.0.0.1:<port>
 *     ...
 * }
 * }</pre>
 * From the command line: {@code make kafka} runs {@link #main} until Ctrl-C.
 */
public final class KafkaBroker implements AutoCloseable {
    /** How long {@link #start()} waits for the broker to answer before giving up. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    static {
        QuietLogs.apply();
    }

    private final Path dir;
    private final int port;
    private final KafkaRaftServer server;
    /** Set by the first close; guarded by this. */
    private boolean closed;

    private KafkaBroker(Path dir, int port, KafkaRaftServer server) {
        this.dir = dir;
        this.port = port;
        this.server = server;
    }

    /**
     * Starts a broker with 4 partitions per topic by default.
     *
     * @throws BrokerStartException when it cannot start; the message names the step
     */
    public static KafkaBroker start() {
        return start(4);
    }

    /**
     * Starts a broker whose automatically created topics get {@code partitions} partitions.
     *
     * @throws IllegalArgumentException when partitions is not 1 to 64
     * @throws BrokerStartException     when it cannot start; the message names the step
     */
    public static KafkaBroker start(int partitions) {
        if (partitions < 1 || partitions > 64) {
            throw new IllegalArgumentException("partitions must be 1 to 64, got " + partitions);
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("course-kafka-");
        } catch (IOException e) {
            throw new BrokerStartException("cannot create the broker's temporary folder", e);
        }
        KafkaRaftServer server = null;
        int port = -1;
        String step = "pick free ports on 127.0.0.1";
        try {
            port = freePort();
            int controllerPort = freePort();
            step = "format the KRaft storage in " + dir;
            String clusterId = Uuid.randomUuid().toString();
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(1)
                    .setClusterId(clusterId)
                    .setDirectories(List.of(dir.toString()))
                    .setMetadataLogDirectory(dir.toString())
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setControllerListenerName("CONTROLLER")
                    .run();
            step = "start the broker on 127.0.0.1:" + port;
            server = new KafkaRaftServer(new KafkaConfig(settings(dir, port, controllerPort, partitions)), Time.SYSTEM);
            server.startup();
            step = "reach the broker on 127.0.0.1:" + port;
            awaitReady("127.0.0.1:" + port);
            return new KafkaBroker(dir, port, server);
        } catch (Exception | Error e) {
            if (server != null) {
                try {
                    server.shutdown();
                    server.awaitShutdown();
                } catch (RuntimeException ignored) {
                    // the start failure is the one to report
                }
            }
            deleteTree(dir);
            throw new BrokerStartException("the Kafka broker did not start: could not " + step + ": " + e, e);
        }
    }

    /** The address clients connect to: {@code 127.0.0.1:<port>}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The broker's temporary data folder (removed on close). */
    public Path dataDir() {
        return dir;
    }

    /**
     * Creates a topic with this many partitions (replication factor 1) and waits until it exists.
     *
     * @throws IllegalStateException when the broker refuses (for example the topic exists)
     */
    public void createTopic(String name, int partitions) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topic " + name + ": " + e.getMessage(), e);
        }
    }

    /** An admin client of this broker; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    /** Shuts the broker down, waits for its threads to end, and removes its data folder. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            deleteTree(dir);
        }
    }

    @Override
    public String toString() {
        return "KafkaBroker[" + bootstrapServers() + (closed ? ", closed" : "") + "]";
    }

    /** {@code make kafka}: starts a broker, prints its address, and runs until Ctrl-C. */
    public static void main(String[] args) throws InterruptedException {
        int partitions = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        long t0 = System.nanoTime();
        KafkaBroker broker = start(partitions);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-broker-stop"));
        System.out.printf("Kafka broker ready in %.1f s (KRaft, single node, %d partitions per new topic)%n",
                (System.nanoTime() - t0) / 1e9, partitions);
        System.out.println("bootstrap.servers=" + broker.bootstrapServers());
        System.out.println("data in " + broker.dataDir() + " (removed on exit); Ctrl-C to stop");
        Thread.currentThread().join();
    }

    // ---- mechanics ---------------------------------------------------------------------

    private static Properties settings(Path dir, int port, int controllerPort, int partitions) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dir.toString());
        p.put("num.partitions", Integer.toString(partitions));
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "4");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("log.cleaner.enable", "false");
        return p;
    }

    private static void awaitReady(String bootstrap) throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                }
                Thread.sleep(100);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the broker's folder " + dir, e);
        }
    }
}
