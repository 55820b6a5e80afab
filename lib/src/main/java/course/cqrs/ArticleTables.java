package course.cqrs;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How {@link CrudStore} keeps an article in its normalised tables: the rows an article becomes
 * ({@code articles}, {@code hashtags}, {@code article_hashtags}, {@code paragraphs},
 * {@code paragraph_hashtags}) and how it is read back from them. Every method runs on the
 * connection of a transaction the store holds, under its write lock for the writing ones.
 *
 * <pre>{@code
 * long id = db.write(c -> ArticleTables.insert(c, command, now, new HashMap<>()));
 * Optional<Article> back = db.read(c -> ArticleTables.load(c, id));
 * }</pre>
 */
final class ArticleTables {
    private ArticleTables() {
    }

    /** The id of the article saved for this (user, source URL) pair, if there is one. */
    static Optional<Long> idOf(Connection c, String userId, String sourceUrl) {
        return Jdbc.first(c, "SELECT id FROM articles WHERE user_id = ? AND source_url = ?",
                r -> r.getLong(1), userId, sourceUrl);
    }

    /** The stored version of an article, 0 when there is no such article. */
    static int versionOf(Connection c, long id) {
        return Jdbc.first(c, "SELECT version FROM articles WHERE id = ?", r -> r.getInt(1), id).orElse(0);
    }

    /** Inserts a new article, version 1, created and updated at {@code now}; returns its new id. */
    static long insert(Connection c, CreateArticle command, long now, Map<String, Long> tagIds) {
        long id = Jdbc.insert(c,
                "INSERT INTO articles(user_id, source_url, created_at, updated_at, version) VALUES (?, ?, ?, ?, 1)",
                command.userId(), command.sourceUrl(), now, now);
        insertContent(c, id, command.hashtags(), command.paragraphs(), tagIds);
        return id;
    }

    /** Replaces an article's hashtags and paragraphs, and moves its version on by one at {@code now}. */
    static void replaceContent(Connection c, long id, List<String> hashtags, List<Paragraph> paragraphs, long now,
                               Map<String, Long> tagIds) {
        deleteContent(c, id);
        insertContent(c, id, hashtags, paragraphs, tagIds);
        Jdbc.update(c, "UPDATE articles SET updated_at = ?, version = version + 1 WHERE id = ?", now, id);
    }

    /**
     * Stores a snapshot exactly as given, ids, times and version included, replacing the stored
     * article of that id when there is one ({@code stored} is its version, 0 when there is none).
     */
    static void putSnapshot(Connection c, Article a, int stored, Map<String, Long> tagIds) {
        if (stored > 0) {
            deleteContent(c, a.id());
        }
        Jdbc.update(c, stored == 0
                ? "INSERT INTO articles(user_id, source_url, created_at, updated_at, version, id) VALUES (?, ?, ?, ?, ?, ?)"
                : "UPDATE articles SET user_id = ?, source_url = ?, created_at = ?, updated_at = ?, version = ? WHERE id = ?",
                a.userId(), a.sourceUrl(), a.createdAt(), a.updatedAt(), a.version(), a.id());
        insertContent(c, a.id(), a.hashtags(), a.paragraphs(), tagIds);
    }

    /** Every stored article's id, in order. */
    static List<Long> ids(Connection c) {
        return Jdbc.list(c, "SELECT id FROM articles ORDER BY id", r -> r.getLong(1));
    }

    /** The article with this id, read back from the five tables; empty when there is none. */
    static Optional<Article> load(Connection c, long id) {
        record Head(String userId, String url, long created, long updated, int version) {
        }
        Optional<Head> head = Jdbc.first(c,
                "SELECT user_id, source_url, created_at, updated_at, version FROM articles WHERE id = ?",
                r -> new Head(r.getString(1), r.getString(2), r.getLong(3), r.getLong(4), r.getInt(5)), id);
        if (head.isEmpty()) {
            return Optional.empty();
        }
        List<String> tags = Jdbc.list(c, """
                SELECT h.name FROM article_hashtags ah JOIN hashtags h ON h.id = ah.hashtag_id
                 WHERE ah.article_id = ? ORDER BY ah.pos""", r -> r.getString(1), id);
        List<String> bodies = Jdbc.list(c, "SELECT body FROM paragraphs WHERE article_id = ? ORDER BY pos",
                r -> r.getString(1), id);
        List<List<String>> paraTags = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            paraTags.add(new ArrayList<>());
        }
        Jdbc.list(c, """
                SELECT ph.pos, h.name FROM paragraph_hashtags ph JOIN hashtags h ON h.id = ph.hashtag_id
                 WHERE ph.article_id = ? ORDER BY ph.pos, ph.tag_pos""",
                r -> paraTags.get(r.getInt(1)).add(r.getString(2)), id);
        List<Paragraph> paragraphs = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            paragraphs.add(new Paragraph(bodies.get(i), paraTags.get(i)));
        }
        Head h = head.get();
        return Optional.of(new Article(id, h.userId(), h.url(), tags, paragraphs, h.created(), h.updated(), h.version()));
    }

    /** Deletes an article's hashtag links and paragraphs, keeping its row in {@code articles}. */
    private static void deleteContent(Connection c, long id) {
        for (String sql : List.of("DELETE FROM paragraph_hashtags WHERE article_id = ?",
                "DELETE FROM paragraphs WHERE article_id = ?", "DELETE FROM article_hashtags WHERE article_id = ?")) {
            Jdbc.update(c, sql, id);
        }
    }

    private static void insertContent(Connection c, long id, List<String> hashtags, List<Paragraph> paragraphs,
                                      Map<String, Long> tagIds) {
        List<Object[]> links = new ArrayList<>();
        for (int i = 0; i < hashtags.size(); i++) {
            links.add(new Object[]{tagId(c, hashtags.get(i), tagIds), id, i});
        }
        Jdbc.batch(c, "INSERT INTO article_hashtags(hashtag_id, article_id, pos) VALUES (?, ?, ?)", links);
        List<Object[]> paras = new ArrayList<>();
        List<Object[]> paraLinks = new ArrayList<>();
        for (int i = 0; i < paragraphs.size(); i++) {
            Paragraph para = paragraphs.get(i);
            paras.add(new Object[]{id, i, para.text()});
            for (int j = 0; j < para.hashtags().size(); j++) {
                paraLinks.add(new Object[]{id, i, tagId(c, para.hashtags().get(j), tagIds), j});
            }
        }
        Jdbc.batch(c, "INSERT INTO paragraphs(article_id, pos, body) VALUES (?, ?, ?)", paras);
        Jdbc.batch(c, "INSERT INTO paragraph_hashtags(article_id, pos, hashtag_id, tag_pos) VALUES (?, ?, ?, ?)",
                paraLinks);
    }

    /** The id of a hashtag, inserting it on first use; {@code cache} remembers it for the transaction. */
    private static long tagId(Connection c, String name, Map<String, Long> cache) {
        Long cached = cache.get(name);
        if (cached != null) {
            return cached;
        }
        long id = Jdbc.first(c, "SELECT id FROM hashtags WHERE name = ?", r -> r.getLong(1), name)
                .orElseGet(() -> Jdbc.insert(c, "INSERT INTO hashtags(name) VALUES (?)", name));
        cache.put(name, id);
        return id;
    }
}
