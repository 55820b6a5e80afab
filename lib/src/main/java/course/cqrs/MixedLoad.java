package course.cqrs;

import course.concurrent.Context;
import course.concurrent.ThreadKind;
import course.pool.Job;
import course.pool.Result;
import course.pool.WorkerPool;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A read-heavy mixed load run against any {@link ArticleService}, to compare CRUD and CQRS under
 * the same traffic.
 *
 * <p>{@code clients} client threads (the workers of a chapter 1 {@link WorkerPool}) each perform
 * {@code operationsPerClient} operations. Each operation is a read with probability
 * {@code readShare}, otherwise a write:
 * <ul>
 *   <li>a read is Q1 (three hashtags drawn with the dataset's skew, newest 20 each) or Q2 (a URL
 *       drawn with the skew), half and half;</li>
 *   <li>a write is an update of a random known article or a create for a brand-new user, half
 *       and half.</li>
 * </ul>
 * Every operation's latency is recorded. The run is seeded, so two services see the same
 * sequence of operations. Latencies are wall times on a shared machine: compare shapes and
 * ratios, not absolute numbers.
 *
 * <p>{@link #writesAgainstReaders} is the other shape of load: one writer with a fixed amount of
 * work, and a growing crowd of readers running as fast as they can until the writer is done.
 * {@link #burst} is a third: a few clients sending many creates at once, one command per call.
 *
 * <pre>{@code
 * MixedLoad.Report r = MixedLoad.run("crud", crud, data, ids, 4, 500, 0.95, 7);
 * r.readPercentile(0.99);   // microseconds
 * r.writePercentile(0.99);
 * }</pre>
 */
public final class MixedLoad {
    private MixedLoad() {
    }

    /**
     * What a run measured.
     *
     * @param name        a label for charts
     * @param clients     how many client threads ran
     * @param readMicros  every read's latency in microseconds, sorted
     * @param writeMicros every write's latency in microseconds, sorted
     * @param seconds     the wall time of the whole run
     */
    public record Report(String name, int clients, double[] readMicros, double[] writeMicros, double seconds) {
        public Report {
            readMicros = readMicros.clone();
            writeMicros = writeMicros.clone();
            Arrays.sort(readMicros);
            Arrays.sort(writeMicros);
        }

        /** Every read's latency in microseconds, sorted (a copy). */
        @Override
        public double[] readMicros() {
            return readMicros.clone();
        }

        /** Every write's latency in microseconds, sorted (a copy). */
        @Override
        public double[] writeMicros() {
            return writeMicros.clone();
        }

        /** Equal when the name, clients, every latency and the run's length are equal. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Report r && Objects.equals(name, r.name) && clients == r.clients
                    && Arrays.equals(readMicros, r.readMicros) && Arrays.equals(writeMicros, r.writeMicros)
                    && Double.compare(seconds, r.seconds) == 0;
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, clients, Arrays.hashCode(readMicros), Arrays.hashCode(writeMicros), seconds);
        }

        /** How many reads ran. */
        public int reads() {
            return readMicros.length;
        }

        /** How many writes ran. */
        public int writes() {
            return writeMicros.length;
        }

        /** The read latency at quantile {@code q} (0.5 is the median), in microseconds; 0 when no reads ran. */
        public double readPercentile(double q) {
            return percentile(readMicros, q);
        }

        /** The write latency at quantile {@code q}, in microseconds; 0 when no writes ran. */
        public double writePercentile(double q) {
            return percentile(writeMicros, q);
        }

        /** Reads completed per second of the run. */
        public double readsPerSecond() {
            return readMicros.length / seconds;
        }

        /**
         * Writes completed per second of the run: the writes over the run's length, which the reads
         * set as much as the writes do, so it is no measure of a write's cost (see the percentiles).
         */
        public double writesPerSecond() {
            return writeMicros.length / seconds;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "%s: %d reads (p50 %.0f us, p99 %.0f us), %d writes (p50 %.0f us, p99 %.0f us), run of %.2f s",
                    name, reads(), readPercentile(0.5), readPercentile(0.99), writes(), writePercentile(0.5),
                    writePercentile(0.99), seconds);
        }

        private static double percentile(double[] sorted, double q) {
            if (!(q >= 0 && q <= 1)) {
                throw new IllegalArgumentException("quantile must be 0 to 1, got " + q);
            }
            if (sorted.length == 0) {
                return 0;
            }
            int i = (int) Math.ceil(q * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
        }
    }

    /** One client's latencies. */
    private record ClientStats(double[] reads, double[] writes) {
    }

    /**
     * Runs the load and returns what it measured.
     *
     * @param name                a label for the report
     * @param service             the service under load
     * @param data                the dataset the service was loaded with (for drawing tags and URLs)
     * @param ids                 ids of articles the service holds (updates pick among them); not empty
     * @param clients             client threads, 1 or more
     * @param operationsPerClient operations per client, 1 or more
     * @param readShare           the probability that an operation is a read, 0 to 1
     * @param seed                the seed of the operation sequence
     * @throws IllegalArgumentException when an argument is out of range
     * @throws IllegalStateException    when an operation failed (the message names the client and the error)
     * @throws InterruptedException     when the calling thread is interrupted
     */
    public static Report run(String name, ArticleService service, Dataset data, List<Long> ids, int clients,
                             int operationsPerClient, double readShare, long seed) throws InterruptedException {
        return run(name, service, data, ids, clients, operationsPerClient, readShare, seed, () -> { });
    }

    /**
     * {@link #run(String, ArticleService, Dataset, List, int, int, double, long) run}, calling
     * {@code afterEachOperation} from the client's thread after each operation, outside its timed
     * part: for a progress line (a long run's {@code course.measure.Progress::step}). It must be
     * cheap and thread-safe.
     */
    public static Report run(String name, ArticleService service, Dataset data, List<Long> ids, int clients,
                             int operationsPerClient, double readShare, long seed, Runnable afterEachOperation)
            throws InterruptedException {
        Objects.requireNonNull(afterEachOperation, "afterEachOperation");
        List<Long> known = checkedIds(service, data, ids);
        if (clients <= 0 || operationsPerClient <= 0) {
            throw new IllegalArgumentException("clients and operations per client must be positive, got "
                    + clients + " and " + operationsPerClient);
        }
        if (!(readShare >= 0 && readShare <= 1)) {
            throw new IllegalArgumentException("read share must be 0 to 1, got " + readShare);
        }
        String run = Long.toHexString(System.nanoTime() & 0xffffff);
        List<Job<Integer, ClientStats>> jobs = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long clientSeed = seed * 1_000_003L + c;
            String userPrefix = "load-" + run + "-" + c + "-";
            jobs.add(Job.of("client-" + c, "load", c, (ctx, client) -> {
                SplittableRandom rng = new SplittableRandom(clientSeed);
                double[] reads = new double[operationsPerClient];
                double[] writes = new double[operationsPerClient];
                int r = 0;
                int w = 0;
                for (int i = 0; i < operationsPerClient; i++) {
                    ctx.throwIfDone();
                    boolean read = rng.nextDouble() < readShare;
                    boolean first = rng.nextBoolean();
                    long start = System.nanoTime();
                    if (read && first) {
                        service.articlesByHashtags(data.randomTags(rng, 3), 20);
                    } else if (read) {
                        service.usersBySourceUrl(data.randomUrl(rng));
                    } else if (first) {
                        service.update(data.randomUpdate(rng, known.get(rng.nextInt(known.size()))));
                    } else {
                        service.create(data.freshCreate(rng, userPrefix + i));
                    }
                    double micros = (System.nanoTime() - start) / 1e3;
                    if (read) {
                        reads[r++] = micros;
                    } else {
                        writes[w++] = micros;
                    }
                    afterEachOperation.run();
                }
                return new ClientStats(Arrays.copyOf(reads, r), Arrays.copyOf(writes, w));
            }));
        }
        return collect(name, clients, jobs);
    }

    /**
     * One writer performs {@code writes} writes (updates and creates, half and half) while
     * {@code readers} reader threads run Q1 and Q2 back to back until the writer is done: how do
     * writes fare as reads pile up? With {@code readers} zero the writer runs alone.
     *
     * @throws IllegalArgumentException when {@code readers} is negative, {@code writes} not positive or {@code ids} empty
     * @throws IllegalStateException    when an operation failed
     * @throws InterruptedException     when the calling thread is interrupted
     */
    public static Report writesAgainstReaders(String name, ArticleService service, Dataset data, List<Long> ids,
                                              int readers, int writes, long seed) throws InterruptedException {
        List<Long> known = checkedIds(service, data, ids);
        if (readers < 0 || writes <= 0) {
            throw new IllegalArgumentException("readers must be 0 or more and writes positive, got "
                    + readers + " and " + writes);
        }
        String run = Long.toHexString(System.nanoTime() & 0xffffff);
        AtomicBoolean writerDone = new AtomicBoolean();
        List<Job<Integer, ClientStats>> jobs = new ArrayList<>();
        jobs.add(Job.of("writer", "load", 0, (ctx, ignored) -> {
            try {
                SplittableRandom rng = new SplittableRandom(seed);
                double[] lat = new double[writes];
                for (int i = 0; i < writes; i++) {
                    ctx.throwIfDone();
                    long start = System.nanoTime();
                    if (rng.nextBoolean()) {
                        service.update(data.randomUpdate(rng, known.get(rng.nextInt(known.size()))));
                    } else {
                        service.create(data.freshCreate(rng, "writer-" + run + "-" + i));
                    }
                    lat[i] = (System.nanoTime() - start) / 1e3;
                }
                return new ClientStats(new double[0], lat);
            } finally {
                writerDone.set(true);
            }
        }));
        for (int c = 0; c < readers; c++) {
            long readerSeed = seed * 1_000_003L + c + 1;
            jobs.add(Job.of("reader-" + c, "load", c, (ctx, ignored) -> {
                SplittableRandom rng = new SplittableRandom(readerSeed);
                double[] lat = new double[1024];
                int n = 0;
                while (!writerDone.get()) {
                    ctx.throwIfDone();
                    long start = System.nanoTime();
                    if (rng.nextBoolean()) {
                        service.articlesByHashtags(data.randomTags(rng, 3), 20);
                    } else {
                        service.usersBySourceUrl(data.randomUrl(rng));
                    }
                    if (n == lat.length) {
                        lat = Arrays.copyOf(lat, n * 2);
                    }
                    lat[n++] = (System.nanoTime() - start) / 1e3;
                }
                return new ClientStats(Arrays.copyOf(lat, n), new double[0]);
            }));
        }
        return collect(name, readers + 1, jobs);
    }

    /**
     * A burst: {@code clients} client threads send the given creates as fast as they can, one
     * command per call, as real clients would (client {@code c} sends commands {@code c},
     * {@code c + clients}, ...). Every create's latency is recorded as a write.
     *
     * @throws IllegalArgumentException when {@code clients} is not positive or there are no commands
     * @throws IllegalStateException    when a command failed
     * @throws InterruptedException     when the calling thread is interrupted
     */
    public static Report burst(String name, ArticleService service, List<CreateArticle> commands, int clients)
            throws InterruptedException {
        Objects.requireNonNull(service, "service");
        List<CreateArticle> all = List.copyOf(Objects.requireNonNull(commands, "commands"));
        if (clients <= 0 || all.isEmpty()) {
            throw new IllegalArgumentException("a burst needs at least one client and one command, got "
                    + clients + " and " + all.size());
        }
        List<Job<Integer, ClientStats>> jobs = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            jobs.add(Job.of("client-" + c, "burst", c, (ctx, client) -> {
                double[] lat = new double[(all.size() - client + clients - 1) / clients];
                int n = 0;
                for (int i = client; i < all.size(); i += clients) {
                    ctx.throwIfDone();
                    long start = System.nanoTime();
                    service.create(all.get(i));
                    lat[n++] = (System.nanoTime() - start) / 1e3;
                }
                return new ClientStats(new double[0], Arrays.copyOf(lat, n));
            }));
        }
        return collect(name, clients, jobs);
    }

    private static Report collect(String name, int clients, List<Job<Integer, ClientStats>> jobs) throws InterruptedException {
        long start = System.nanoTime();
        List<Result<ClientStats>> results = WorkerPool.runBatch(clients, ThreadKind.PLATFORM,
                Context.background(), jobs);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<double[]> reads = new ArrayList<>();
        List<double[]> writes = new ArrayList<>();
        for (Result<ClientStats> result : results) {
            if (!result.isOk()) {
                throw new IllegalStateException("load " + name + ": " + result.descriptor().id() + " failed: "
                        + result.error(), result.error());
            }
            reads.add(result.value().reads());
            writes.add(result.value().writes());
        }
        return new Report(name, clients, concat(reads), concat(writes), seconds);
    }

    private static double[] concat(List<double[]> parts) {
        double[] out = new double[parts.stream().mapToInt(a -> a.length).sum()];
        int at = 0;
        for (double[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    /**
     * Checks the arguments every load shares and returns a copy of {@code ids}.
     *
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when {@code ids} is empty
     */
    private static List<Long> checkedIds(ArticleService service, Dataset data, List<Long> ids) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(data, "data");
        List<Long> known = List.copyOf(Objects.requireNonNull(ids, "ids"));
        if (known.isEmpty()) {
            throw new IllegalArgumentException("the load needs the ids of some stored articles to update");
        }
        return known;
    }
}
