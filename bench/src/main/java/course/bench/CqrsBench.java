package course.bench;

import course.cqrs.CqrsSystem;
import course.cqrs.CrudStore;
import course.cqrs.Dataset;
import course.cqrs.EventLog;
import course.cqrs.LogEntry;
import course.cqrs.ReadStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/*
 * 5. CQRS: what the write side pays, what the projection moves, what the read model saves.
 *
 * Chapters 4 and 5 split the favourite-articles service into a CRUD write side that also appends
 * an event per change, a projector that applies those events to a read model, and a read model
 * shaped for the two hard queries. Three questions, each against the CRUD baseline:
 *
 *   - Commands: one CreateArticle through the CRUD store, and through the CQRS system (the same
 *     CRUD write plus one event appended; the projector runs in the background, on the same two
 *     cores). Score: nanoseconds per command.
 *   - Projection: applying the events of the whole dataset to an empty read model, in one
 *     transaction per partition, as the projector does when it rebuilds. Score: nanoseconds per
 *     event; 1e9 divided by it is events per second.
 *   - Queries: Q1 (newest articles for 3 hashtags, 20 per tag) and Q2 (users who saved a URL),
 *     on the CRUD tables (joins and scans) and on the read model (an index range). Arguments are
 *     drawn beforehand with the dataset's skew and cycled, so popular tags come up often, as in
 *     real traffic. Score: nanoseconds per query.
 *
 * Each state loads a seeded dataset of ARTICLES articles in its @Setup and closes its stores
 * (H2 connections, the projector's threads) in @TearDown.
 *
 * Run it alone:
 *   make bench BENCH=CqrsBench
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CqrsBench {
    /** Articles in the dataset every state starts from. */
    public static final int ARTICLES = 2_000;
    /** The dataset's seed. */
    static final long SEED = 42;
    /** Pre-drawn query arguments, cycled. */
    static final int DRAWS = 1_024;

    /**
     * Creates every article of {@code data} in both stores and waits for the CQRS read model to
     * catch up, so that no benchmark measures a projector still busy with the dataset.
     */
    static void loadBoth(Dataset data, CrudStore crud, CqrsSystem cqrs) throws InterruptedException {
        crud.createAll(data.creates());
        cqrs.createAll(data.creates());
        if (!cqrs.awaitCaughtUp(Duration.ofSeconds(60))) {
            throw new IllegalStateException("the read model did not catch up: " + cqrs.lag());
        }
    }

    /** A CRUD store and a CQRS system with the dataset loaded, for the command benchmarks. */
    @State(Scope.Benchmark)
    public static class Commands {
        Dataset data;
        CrudStore crud;
        CqrsSystem cqrs;
        SplittableRandom rng;
        long nextUser;

        @Setup(Level.Trial)
        public void setUp() throws InterruptedException {
            data = Dataset.generate(SEED, ARTICLES);
            crud = new CrudStore();
            cqrs = new CqrsSystem();
            loadBoth(data, crud, cqrs);
            rng = new SplittableRandom(SEED);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            crud.close();
            cqrs.close();
        }
    }

    /** The dataset's events, read back from a CQRS system's log, and an empty read model. */
    @State(Scope.Benchmark)
    public static class Projection {
        List<List<LogEntry>> partitions;
        int events;
        ReadStore store;

        @Setup(Level.Trial)
        public void setUp() {
            Dataset data = Dataset.generate(SEED, ARTICLES);
            try (CqrsSystem cqrs = new CqrsSystem()) {
                cqrs.createAll(data.creates());
                EventLog log = cqrs.log();
                partitions = new ArrayList<>();
                for (int p = 0; p < log.partitions(); p++) {
                    long end = log.endOffset(p);
                    List<LogEntry> entries = end == 0 ? List.of() : log.read(p, 0, (int) end);
                    partitions.add(entries);
                    events += entries.size();
                }
            }
            if (events != ARTICLES) {
                throw new IllegalStateException("expected one event per article, got " + events);
            }
            store = new ReadStore();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            store.close();
        }
    }

    /** Both stores loaded and caught up, plus pre-drawn query arguments. */
    @State(Scope.Benchmark)
    public static class Queries {
        CrudStore crud;
        CqrsSystem cqrs;
        List<List<String>> tags = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        int next;

        @Setup(Level.Trial)
        public void setUp() throws InterruptedException {
            Dataset data = Dataset.generate(SEED, ARTICLES);
            crud = new CrudStore();
            cqrs = new CqrsSystem();
            loadBoth(data, crud, cqrs);
            SplittableRandom rng = new SplittableRandom(SEED);
            for (int i = 0; i < DRAWS; i++) {
                tags.add(data.randomTags(rng, 3));
                urls.add(data.randomUrl(rng));
            }
        }

        int next() {
            next = (next + 1) & (DRAWS - 1);
            return next;
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            crud.close();
            cqrs.close();
        }
    }

    @Benchmark
    public long commandCrud(Commands s) {
        return s.crud.create(s.data.freshCreate(s.rng, "bench-user-" + s.nextUser++));
    }

    @Benchmark
    public long commandCqrs(Commands s) {
        return s.cqrs.create(s.data.freshCreate(s.rng, "bench-user-" + s.nextUser++));
    }

    @Benchmark
    @OperationsPerInvocation(ARTICLES)
    public int projectEvents(Projection s) {
        s.store.reset();
        int applied = 0;
        for (List<LogEntry> entries : s.partitions) {
            applied += s.store.applyAll(entries);
        }
        if (applied != s.events) {
            throw new IllegalStateException("applied " + applied + " of " + s.events + " events");
        }
        return applied;
    }

    @Benchmark
    public Map<String, ?> q1Crud(Queries s) {
        return s.crud.articlesByHashtags(s.tags.get(s.next()), 20);
    }

    @Benchmark
    public Map<String, ?> q1ReadModel(Queries s) {
        return s.cqrs.articlesByHashtags(s.tags.get(s.next()), 20);
    }

    @Benchmark
    public List<String> q2Crud(Queries s) {
        return s.crud.usersBySourceUrl(s.urls.get(s.next()));
    }

    @Benchmark
    public List<String> q2ReadModel(Queries s) {
        return s.cqrs.usersBySourceUrl(s.urls.get(s.next()));
    }
}
