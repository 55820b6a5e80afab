package course.cqrs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 * {@link Projector} calls {@code apply} from one thread per partition; {@link #reset} drops
 * everything for a rebuild. Queries are thread-safe and run on pooled connections.
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
    private static final String[] SCHEMA = {
        // The key is the query's sort order: the rows of one tag sit together, oldest to newest,
        // so Q1 reads the newest few backwards off the index and stops at the limit.
        """
        CREATE TABLE articles_by_hashtag (
            tag VARCHAR(40) NOT NULL,
            created_at BIGINT NOT NULL,
            article_id BIGINT NOT NULL,
            source_url VARCHAR(2048) NOT NULL,
            PRIMARY KEY (tag, created_at, article_id))""",
        "CREATE INDEX articles_by_hashtag_article ON articles_by_hashtag(article_id)",
        """
        CREATE TABLE users_by_source_url (
            source_url VARCHAR(2048) NOT NULL,
            user_id VARCHAR(64) NOT NULL,
            article_id BIGINT NOT NULL,
            PRIMARY KEY (source_url, user_id))""",
        "CREATE TABLE projection_offsets (partition_no INT PRIMARY KEY, next_offset BIGINT NOT NULL)",
    };
    private static final String[] DROP = {
        "DROP TABLE IF EXISTS articles_by_hashtag",
        "DROP TABLE IF EXISTS users_by_source_url",
        "DROP TABLE IF EXISTS projection_offsets",
    };
    // "ORDER BY tag DESC" changes nothing (one tag) but lets H2 see that the whole order matches
    // the key read backwards, so it reads 'limit' rows instead of sorting every row of the tag.
    private static final String Q1 = """
            SELECT article_id, source_url FROM articles_by_hashtag
             WHERE tag = ?
             ORDER BY tag DESC, created_at DESC, article_id DESC
             LIMIT ?""";
    private static final String Q2 = "SELECT user_id FROM users_by_source_url WHERE source_url = ? ORDER BY source_url, user_id";

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

    /** An empty read model in its own private database. */
    public ReadStore() {
        this.db = new Database("reads", CrudStore.DEFAULT_CONNECTIONS);
        db.execute(SCHEMA);
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
     * already applied. If any entry fails, none of them is applied.
     *
     * @return how many entries changed the read model
     * @throws IllegalStateException when an entry skips ahead of its partition's next offset
     */
    public int applyAll(List<LogEntry> entries) {
        return applyAll(entries, e -> { });
    }

    /** {@link #applyAll(List)}, calling {@code beforeEach} inside the transaction before each entry. */
    int applyAll(List<LogEntry> entries, java.util.function.Consumer<LogEntry> beforeEach) {
        List<LogEntry> batch = List.copyOf(Objects.requireNonNull(entries, "entries"));
        if (batch.isEmpty()) {
            return 0;
        }
        return db.write(c -> {
            Map<Integer, Long> next = new java.util.HashMap<>();
            int applied = 0;
            for (LogEntry entry : batch) {
                long expected = next.containsKey(entry.partition()) ? next.get(entry.partition())
                        : nextOffset(c, entry.partition());
                if (entry.offset() < expected) {
                    next.put(entry.partition(), expected);
                    continue;
                }
                if (entry.offset() > expected) {
                    throw new IllegalStateException("partition " + entry.partition() + " expects offset " + expected
                            + " next, got " + entry.offset() + ": entries would be skipped");
                }
                beforeEach.accept(entry);
                applyIn(c, entry.event().data());
                next.put(entry.partition(), entry.offset() + 1);
                applied++;
            }
            try (PreparedStatement s = c.prepareStatement(
                    "MERGE INTO projection_offsets(partition_no, next_offset) KEY (partition_no) VALUES (?, ?)")) {
                for (Map.Entry<Integer, Long> e : next.entrySet()) {
                    s.setInt(1, e.getKey());
                    s.setLong(2, e.getValue());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return applied;
        });
    }

    /** Steps 2 and 3 of the plan: replace the article's tag rows, upsert its (URL, user) row. */
    private static void applyIn(Connection c, Article a) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM articles_by_hashtag WHERE article_id = ?")) {
            s.setLong(1, a.id());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO articles_by_hashtag(tag, created_at, article_id, source_url) VALUES (?, ?, ?, ?)")) {
            for (String tag : a.hashtags()) {
                s.setString(1, tag);
                s.setLong(2, a.createdAt());
                s.setLong(3, a.id());
                s.setString(4, a.sourceUrl());
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement(
                "MERGE INTO users_by_source_url(source_url, user_id, article_id) KEY (source_url, user_id) VALUES (?, ?, ?)")) {
            s.setString(1, a.sourceUrl());
            s.setString(2, a.userId());
            s.setLong(3, a.id());
            s.executeUpdate();
        }
    }

    /**
     * Applies every entry of {@code log} not yet applied, synchronously, partition by partition in
     * offset order: a rebuild without threads, or a way to build a reference read model in a test.
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

    /** The offset of the next entry this read model expects from a partition (0 before any). */
    public long nextOffset(int partition) {
        if (partition < 0) {
            throw new IllegalArgumentException("partition must not be negative, got " + partition);
        }
        return db.read(c -> nextOffset(c, partition));
    }

    /** Q1, answered from {@code articles_by_hashtag}; same contract as {@link ArticleService#articlesByHashtags}. */
    public Map<String, List<ArticleRef>> articlesByHashtags(Collection<String> tags, int limitPerTag) {
        List<String> wanted = Validation.queryTags(tags);
        Validation.checkLimit(limitPerTag);
        return db.read(c -> {
            Map<String, List<ArticleRef>> out = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement(Q1)) {
                for (String tag : wanted) {
                    s.setString(1, tag);
                    s.setInt(2, limitPerTag);
                    List<ArticleRef> refs = new ArrayList<>();
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            refs.add(new ArticleRef(r.getLong(1), r.getString(2)));
                        }
                    }
                    out.put(tag, List.copyOf(refs));
                }
            }
            return out;
        });
    }

    /** Q2, answered from {@code users_by_source_url}; same contract as {@link ArticleService#usersBySourceUrl}. */
    public List<String> usersBySourceUrl(String sourceUrl) {
        Objects.requireNonNull(sourceUrl, "sourceUrl");
        return db.read(c -> {
            List<String> users = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(Q2)) {
                s.setString(1, sourceUrl);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        users.add(r.getString(1));
                    }
                }
            }
            return List.copyOf(users);
        });
    }

    /**
     * How H2 plans to run Q1 and Q2 here ({@code EXPLAIN}), keyed {@code "Q1"} and {@code "Q2"}: which
     * index each query reads, and whether it must sort.
     */
    public Map<String, String> queryPlans() {
        return db.read(c -> {
            Map<String, String> plans = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("EXPLAIN " + Q1)) {
                s.setString(1, "java");
                s.setInt(2, 20);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    plans.put("Q1", r.getString(1));
                }
            }
            try (PreparedStatement s = c.prepareStatement("EXPLAIN " + Q2)) {
                s.setString(1, "https://go.dev/blog");
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    plans.put("Q2", r.getString(1));
                }
            }
            return plans;
        });
    }

    /** Everything in the read model, sorted, for comparing two read models. */
    public Contents contents() {
        return db.read(c -> {
            List<TagRow> tags = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT tag, created_at, article_id, source_url FROM articles_by_hashtag ORDER BY tag, article_id");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    tags.add(new TagRow(r.getString(1), r.getLong(2), r.getLong(3), r.getString(4)));
                }
            }
            List<UserRow> users = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT source_url, user_id, article_id FROM users_by_source_url ORDER BY source_url, user_id");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    users.add(new UserRow(r.getString(1), r.getString(2), r.getLong(3)));
                }
            }
            return new Contents(tags, users);
        });
    }

    /**
     * Drops both tables and the offsets and creates them empty, so the next projection replays the
     * log from offset 0. Stop the projector first ({@link Projector#rebuild()} does it all).
     */
    public void reset() {
        String[] all = new String[DROP.length + SCHEMA.length];
        System.arraycopy(DROP, 0, all, 0, DROP.length);
        System.arraycopy(SCHEMA, 0, all, DROP.length, SCHEMA.length);
        db.execute(all);
    }

    /** Drops the database. Safe to call more than once; waits at most briefly. */
    @Override
    public void close() {
        db.close();
    }

    private static long nextOffset(Connection c, int partition) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT next_offset FROM projection_offsets WHERE partition_no = ?")) {
            s.setInt(1, partition);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        }
    }
}
