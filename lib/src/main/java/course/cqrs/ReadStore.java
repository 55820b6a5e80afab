package course.cqrs;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The CQRS read side: two denormalised tables, each shaped for exactly one query, filled from
 * the event log by {@link #apply}, in a private in-memory H2 database.
 *
 * <pre>
 * articles_by_hashtag(tag, created_at, article_id, source_url)   key (tag, created_at, article_id), index (article_id)
 * users_by_source_url(source_url, user_id, article_id)           key (source_url, user_id)
 * projection_offsets(partition_no, next_offset)                  how far each partition has been applied
 * </pre>
 * Q1 reads the newest rows of one tag straight off an index, with no join and no sort; Q2 is one
 * index range. The price is paid on the write path: every event rewrites the article's rows.
 *
 * <p>{@link #apply} is the synchronous core of a projection. In one transaction it
 * <ol>
 *   <li>reads the partition's next offset and skips the entry if it is older (already applied:
 *       replaying is harmless), or fails if it is newer (an entry is missing: order is broken);</li>
 *   <li>deletes every hashtag row of the article and inserts one per hashtag it has now, so an
 *       update leaves no stale tag rows behind (the original example did);</li>
 *   <li>upserts the (source URL, user) row;</li>
 *   <li>moves the partition's next offset past the entry.</li>
 * </ol>
 * Because the offset moves in the same transaction as the rows, a crash or an exception leaves
 * either all of an event applied or none of it: no event is lost or applied twice.
 * {@link Projector} calls {@code apply} from one thread per partition. Queries are thread-safe and
 * run on pooled connections.
 *
 * <p><b>Rebuilding beside the served model.</b> The three tables of one read model live in a schema
 * of their own ({@code MODEL_1}, {@code MODEL_2}, ...). A rebuild ({@link Projector#rebuild()}) never
 * drops the tables that queries read: it creates a new, empty model beside the served one, sends
 * every {@code apply} (and {@link #nextOffset}) to the new model while queries go on reading the
 * old one, and when the new model has caught up it is switched in and the old one dropped. So a
 * reader sees, during a rebuild, the <em>old</em> model: consistent (every answer comes from one
 * model, whole events applied) but stale (events appended since the rebuild began are missing);
 * after the switch, the new one. A query never sees a missing or half-filled table. The switch
 * holds a read-write lock exclusively: queries and applies hold it shared, so a query waits only
 * while the switch itself runs (it waits for the queries and batches already running to end, then
 * swaps one reference). {@link #reset} uses the same switch, to an empty model. The choice of
 * model and the switch are {@link ReadModels}' job; this class says what a model holds.
 *
 * <pre>{@code
 * try (ReadStore reads = new ReadStore()) {
 *     for (LogEntry e : log.entries()) reads.apply(e);    // or let a Projector do it
 *     reads.articlesByHashtags(List.of("go", "java"), 20);
 *     reads.usersBySourceUrl("https://go.dev/blog");
 * }
 * }</pre>
 */
public final class ReadStore implements AutoCloseable {
    /** The tables of one read model; {@code {m}} stands for the model's schema. */
    private static final String[] SCHEMA = {
        "CREATE SCHEMA {m}",
        // The key is the query's sort order: the rows of one tag sit together, oldest to newest,
        // so Q1 reads the newest few backwards off the index and stops at the limit.
        """
        CREATE TABLE {m}.articles_by_hashtag (
            tag VARCHAR(40) NOT NULL,
            created_at BIGINT NOT NULL,
            article_id BIGINT NOT NULL,
            source_url VARCHAR(2048) NOT NULL,
            PRIMARY KEY (tag, created_at, article_id))""",
        "CREATE INDEX {m}.articles_by_hashtag_article ON {m}.articles_by_hashtag(article_id)",
        """
        CREATE TABLE {m}.users_by_source_url (
            source_url VARCHAR(2048) NOT NULL,
            user_id VARCHAR(64) NOT NULL,
            article_id BIGINT NOT NULL,
            PRIMARY KEY (source_url, user_id))""",
        "CREATE TABLE {m}.projection_offsets (partition_no INT PRIMARY KEY, next_offset BIGINT NOT NULL)",
    };
    // "ORDER BY tag DESC" changes nothing (one tag) but lets H2 see that the whole order matches
    // the key read backwards, so it reads 'limit' rows instead of sorting every row of the tag.
    private static final String Q1 = """
            SELECT article_id, source_url FROM {m}.articles_by_hashtag
             WHERE tag = ?
             ORDER BY tag DESC, created_at DESC, article_id DESC
             LIMIT ?""";
    private static final String Q2 = "SELECT user_id FROM {m}.users_by_source_url WHERE source_url = ? ORDER BY source_url, user_id";

    /** One row of {@code articles_by_hashtag}. */
    public record TagRow(String tag, long createdAt, long articleId, String sourceUrl) {
    }

    /** One row of {@code users_by_source_url}. */
    public record UserRow(String sourceUrl, String userId, long articleId) {
    }

    /**
     * Everything the read model holds, sorted, so two read models can be compared with {@code equals}.
     *
     * @param byHashtag   every row of {@code articles_by_hashtag}, by tag then article id
     * @param bySourceUrl every row of {@code users_by_source_url}, by URL then user
     */
    public record Contents(List<TagRow> byHashtag, List<UserRow> bySourceUrl) {
        public Contents {
            byHashtag = List.copyOf(byHashtag);
            bySourceUrl = List.copyOf(bySourceUrl);
        }
    }

    private final Database db;
    /** The served model, and the one a rebuild fills beside it. */
    private final ReadModels models;

    /** An empty read model in its own private database. */
    public ReadStore() {
        this.db = new Database("reads", CrudStore.DEFAULT_CONNECTIONS);
        this.models = new ReadModels(db, SCHEMA, Q1, Q2);
    }

    /**
     * Applies one log entry, unless it was applied before.
     *
     * @return true when the entry changed the read model, false when it was already applied
     * @throws IllegalStateException when the entry skips ahead of the partition's next offset
     */
    public boolean apply(LogEntry entry) {
        Objects.requireNonNull(entry, "entry");
        return applyAll(List.of(entry), e -> { }) == 1;
    }

    /**
     * Applies several log entries in one transaction (faster than one by one), skipping those
     * already applied. If any entry fails, none of them is applied. During a rebuild the entries go
     * to the model being built, not to the one queries read.
     *
     * @return how many entries changed the read model
     * @throws IllegalStateException when an entry skips ahead of its partition's next offset
     */
    public int applyAll(List<LogEntry> entries) {
        return applyAll(entries, e -> { });
    }

    /** {@link #applyAll(List)}, calling {@code beforeEach} inside the transaction before each entry. */
    int applyAll(List<LogEntry> entries, Consumer<LogEntry> beforeEach) {
        List<LogEntry> batch = List.copyOf(Objects.requireNonNull(entries, "entries"));
        if (batch.isEmpty()) {
            return 0;
        }
        return models.filling(m -> db.write(c -> {
            Map<Integer, Long> next = new HashMap<>();
            int applied = 0;
            for (LogEntry entry : batch) {
                long expected = next.containsKey(entry.partition()) ? next.get(entry.partition())
                        : nextOffset(m, c, entry.partition());
                if (entry.offset() < expected) {
                    next.put(entry.partition(), expected);
                    continue;
                }
                if (entry.offset() > expected) {
                    throw new IllegalStateException("partition " + entry.partition() + " expects offset " + expected
                            + " next, got " + entry.offset() + ": entries would be skipped");
                }
                beforeEach.accept(entry);
                applyIn(m, c, entry.event().data());
                next.put(entry.partition(), entry.offset() + 1);
                applied++;
            }
            List<Object[]> offsets = new ArrayList<>();
            next.forEach((partition, offset) -> offsets.add(new Object[]{partition, offset}));
            Jdbc.batch(c, m.sql(
                    "MERGE INTO {m}.projection_offsets(partition_no, next_offset) KEY (partition_no) VALUES (?, ?)"),
                    offsets);
            return applied;
        }));
    }

    /** Steps 2 and 3 of the plan: replace the article's tag rows, upsert its (URL, user) row. */
    private static void applyIn(ReadModels.Model m, Connection c, Article a) {
        Jdbc.update(c, m.sql("DELETE FROM {m}.articles_by_hashtag WHERE article_id = ?"), a.id());
        List<Object[]> rows = new ArrayList<>();
        for (String tag : a.hashtags()) {
            rows.add(new Object[]{tag, a.createdAt(), a.id(), a.sourceUrl()});
        }
        Jdbc.batch(c, m.sql(
                "INSERT INTO {m}.articles_by_hashtag(tag, created_at, article_id, source_url) VALUES (?, ?, ?, ?)"), rows);
        Jdbc.update(c, m.sql(
                "MERGE INTO {m}.users_by_source_url(source_url, user_id, article_id) KEY (source_url, user_id) VALUES (?, ?, ?)"),
                a.sourceUrl(), a.userId(), a.id());
    }

    /**
     * Applies every entry of {@code log} not yet applied, synchronously, partition by partition in
     * offset order: a projection without threads, or a way to build a reference read model in a test.
     *
     * @return how many entries changed the read model
     */
    public long replay(EventLog log) {
        Objects.requireNonNull(log, "log");
        long applied = 0;
        for (int p = 0; p < log.partitions(); p++) {
            long from = nextOffset(p);
            long end = log.endOffset(p);
            while (from < end) {
                List<LogEntry> batch = log.read(p, from, 512);
                applied += applyAll(batch);
                from = batch.getLast().offset() + 1;
            }
        }
        return applied;
    }

    /**
     * The offset of the next entry this read model expects from a partition (0 before any). During
     * a rebuild, that of the model being built, which is where applying goes on.
     */
    public long nextOffset(int partition) {
        if (partition < 0) {
            throw new IllegalArgumentException("partition must not be negative, got " + partition);
        }
        return models.filling(m -> db.read(c -> nextOffset(m, c, partition)));
    }

    /** Q1, answered from {@code articles_by_hashtag}; same contract as {@link ArticleService#articlesByHashtags}. */
    public Map<String, List<ArticleRef>> articlesByHashtags(Collection<String> tags, int limitPerTag) {
        return models.reading(m -> m.queries().articlesByHashtags(tags, limitPerTag));
    }

    /** Q2, answered from {@code users_by_source_url}; same contract as {@link ArticleService#usersBySourceUrl}. */
    public List<String> usersBySourceUrl(String sourceUrl) {
        return models.reading(m -> m.queries().usersBySourceUrl(sourceUrl));
    }

    /**
     * How H2 plans to run Q1 and Q2 here ({@code EXPLAIN}), keyed {@code "Q1"} and {@code "Q2"}: which
     * index each query reads, and whether it must sort.
     */
    public Map<String, String> queryPlans() {
        return models.reading(m -> m.queries().plans());
    }

    /** Everything in the read model that queries read, sorted, for comparing two read models. */
    public Contents contents() {
        return models.reading(m -> db.read(c -> new Contents(
                Jdbc.list(c, m.sql("SELECT tag, created_at, article_id, source_url FROM {m}.articles_by_hashtag"
                        + " ORDER BY tag, article_id"), r -> new TagRow(r.getString(1), r.getLong(2), r.getLong(3), r.getString(4))),
                Jdbc.list(c, m.sql("SELECT source_url, user_id, article_id FROM {m}.users_by_source_url"
                        + " ORDER BY source_url, user_id"), r -> new UserRow(r.getString(1), r.getString(2), r.getLong(3))))));
    }


    /**
     * Switches queries to a new, empty read model and drops the old one (and any model a rebuild was
     * filling), so the next projection replays the log from offset 0. Queries running meanwhile see
     * the old model or the empty one, never a missing table. Stop the projector first;
     * {@link Projector#rebuild()} rebuilds without ever serving an empty model.
     */
    public void reset() {
        models.reset();
    }

    /**
     * Starts a rebuild beside the served model: from now on applies (and {@link #nextOffset}) go to
     * a new, empty model while queries keep reading the served one, until {@link #finishRebuild()}.
     * A rebuild already under way is abandoned and its model dropped.
     */
    void beginRebuild() {
        models.beginRebuild();
    }

    /**
     * Switches queries to the model the rebuild has filled and drops the old one. Queries wait only
     * while the switch runs.
     *
     * @return false when no rebuild was under way (nothing changed)
     */
    boolean finishRebuild() {
        return models.finishRebuild();
    }

    /** Whether a rebuild is filling a model beside the served one. */
    boolean isRebuilding() {
        return models.isRebuilding();
    }

    /** Drops the database. Safe to call more than once; waits at most briefly. */
    @Override
    public void close() {
        db.close();
    }

    private static long nextOffset(ReadModels.Model m, Connection c, int partition) {
        return Jdbc.first(c, m.sql("SELECT next_offset FROM {m}.projection_offsets WHERE partition_no = ?"),
                r -> r.getLong(1), partition).orElse(0L);
    }
}
