package course.cqrs;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Q1 answered from an H2 materialized view: the database stores the query's answer, the newest
 * {@value #PER_TAG} articles of every hashtag, and a query reads that stored answer instead of
 * joining and sorting. It is the "materialized views" alternative of chapter 4, on the tables of
 * one {@link CrudStore}.
 *
 * <p>What it costs:
 * <ul>
 *   <li><b>Staleness.</b> H2 computes the view when it is created and again only on
 *       {@link #refresh()} ({@code REFRESH MATERIALIZED VIEW}); a write in between is invisible
 *       to the view.</li>
 *   <li><b>Refresh time.</b> A refresh reruns the whole query, over every (hashtag, article) link,
 *       so it grows with the data; H2 has no incremental refresh.</li>
 *   <li><b>Readers during a refresh.</b> H2 2.4 refreshes by emptying the view and refilling it:
 *       a read on another connection in between would find the view empty. So this class holds
 *       reads back while a refresh runs, as PostgreSQL's {@code REFRESH MATERIALIZED VIEW} does
 *       without {@code CONCURRENTLY}: a read waits for at most one refresh.</li>
 *   <li><b>One shape.</b> The view keeps {@value #PER_TAG} articles per tag: a query for more is
 *       refused, and another query shape needs another view.</li>
 * </ul>
 * The view holds at most {@value #PER_TAG} rows per hashtag, whatever the number of articles.
 * H2 2.4 cannot index a materialized view ({@code CREATE INDEX} on one fails), so a query reads
 * all of those rows; it stays small because the number of hashtags does not grow with the articles.
 *
 * <p>Thread-safe: queries run in parallel on the store's pooled connections, like the store's own;
 * a refresh waits for the queries in progress, and queries that arrive during a refresh wait for it.
 *
 * <pre>{@code
 * try (CrudStore crud = new CrudStore()) {
 *     crud.createAll(data.creates());
 *     NewestByHashtagView view = NewestByHashtagView.create(crud);   // computes the answer once
 *     view.articlesByHashtags(List.of("java"), 20);                   // same answer as crud's Q1
 *     crud.create(newJavaArticle);                                    // the view does not see it...
 *     view.refresh();                                                 // ...until it is refreshed
 * }
 * }</pre>
 */
public final class NewestByHashtagView {
    /** How many articles per hashtag the view keeps: the most a query on it may ask for. */
    public static final int PER_TAG = 20;

    /** The statement that creates the view: Q1's join, ranked per tag, cut at {@value #PER_TAG}. */
    public static final String DEFINITION = """
            CREATE MATERIALIZED VIEW newest_by_hashtag AS
            SELECT name, id, source_url, created_at
              FROM (SELECT h.name, a.id, a.source_url, a.created_at,
                           ROW_NUMBER() OVER (PARTITION BY h.name ORDER BY a.created_at DESC, a.id DESC) AS newness
                      FROM hashtags h
                      JOIN article_hashtags ah ON ah.hashtag_id = h.id
                      JOIN articles a ON a.id = ah.article_id) ranked
             WHERE newness <= 20""";

    private static final String Q1 = """
            SELECT id, source_url FROM newest_by_hashtag
             WHERE name = ?
             ORDER BY created_at DESC, id DESC
             LIMIT ?""";
    private static final String REFRESH = "REFRESH MATERIALIZED VIEW newest_by_hashtag";

    private final Database db;
    /** Q1 on the view; its Q2 is the store's own and is not offered here. */
    private final Queries queries;
    /**
     * The session that created the view, and the only one that refreshes it; used only under the
     * write lock. H2 keeps a view's query bound to the session that created it, so a refresh from
     * another session runs that query in a session some other thread may be using at the same time,
     * and fails ("Transaction is closed").
     */
    private final Connection owner;
    /**
     * Reads of the view share it; a refresh holds it alone, so that no read meets the view between
     * H2's emptying and refilling. Fair, so that a stream of reads cannot starve a refresh.
     */
    private final ReentrantReadWriteLock refreshing = new ReentrantReadWriteLock(true);

    private NewestByHashtagView(Database db, Connection owner) {
        this.db = db;
        this.owner = owner;
        this.queries = new Queries(db, Q1, CrudStore.Q2);
    }

    /**
     * Creates the view on {@code store}'s tables and computes it from the articles stored now.
     *
     * @throws DatabaseException when the store already has this view, or is closed
     */
    public static NewestByHashtagView create(CrudStore store) {
        Database db = Objects.requireNonNull(store, "store").database();
        Connection owner = db.openSession();
        try {
            Jdbc.execute(owner, DEFINITION); // auto-commit: the session commits it on its own
        } catch (DatabaseException e) {
            try {
                owner.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return new NewestByHashtagView(db, owner);
    }

    /**
     * Q1 from the stored answer, with the contract of {@link ArticleService#articlesByHashtags}
     * as of the last refresh.
     *
     * @throws IllegalArgumentException when a tag is malformed, or the limit is not 1 to {@value #PER_TAG}
     */
    public Map<String, List<ArticleRef>> articlesByHashtags(Collection<String> tags, int limitPerTag) {
        if (limitPerTag > PER_TAG) {
            throw new IllegalArgumentException("the view keeps the newest " + PER_TAG
                    + " articles per tag; ask the store itself for " + limitPerTag);
        }
        refreshing.readLock().lock();
        try {
            return queries.articlesByHashtags(tags, limitPerTag);
        } finally {
            refreshing.readLock().unlock();
        }
    }

    /**
     * Recomputes the view from the tables as they are now ({@code REFRESH MATERIALIZED VIEW}).
     * Its cost grows with the number of (hashtag, article) links. It waits for the reads in
     * progress, and reads that arrive meanwhile wait for it.
     */
    public void refresh() {
        refreshing.writeLock().lock();
        try {
            Jdbc.execute(owner, REFRESH);
        } finally {
            refreshing.writeLock().unlock();
        }
    }

    /** How many rows the view stores: at most {@value #PER_TAG} per hashtag. */
    public long rows() {
        refreshing.readLock().lock();
        try {
            return db.queryLong("SELECT COUNT(*) FROM newest_by_hashtag");
        } finally {
            refreshing.readLock().unlock();
        }
    }

    /** How H2 plans Q1 on the view ({@code EXPLAIN}): which table it reads, and whether it sorts. */
    public String plan() {
        return queries.plans().get("Q1");
    }
}
