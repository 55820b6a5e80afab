package course.cqrs;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How both stores run the two queries Q1 and Q2 on their own database: the JDBC is the same,
 * only the SQL differs (joins over normalised tables in {@link CrudStore}, one index read in
 * {@link ReadStore}). Q1's SQL takes {@code (tag, limit)} and yields {@code (article id, source
 * URL)} rows, newest first; Q2's takes a source URL and yields user ids in order.
 *
 * <pre>{@code
 * Queries queries = new Queries(db, Q1, Q2);
 * queries.articlesByHashtags(List.of("go"), 20);
 * }</pre>
 */
final class Queries {
    private final Database db;
    private final String q1;
    private final String q2;

    Queries(Database db, String q1, String q2) {
        this.db = Objects.requireNonNull(db, "db");
        this.q1 = Objects.requireNonNull(q1, "q1");
        this.q2 = Objects.requireNonNull(q2, "q2");
    }

    /** Q1, with the contract of {@link ArticleService#articlesByHashtags}. */
    Map<String, List<ArticleRef>> articlesByHashtags(Collection<String> tags, int limitPerTag) {
        List<String> wanted = Validation.queryTags(tags);
        Validation.checkLimit(limitPerTag);
        return db.read(c -> {
            Map<String, List<ArticleRef>> out = new LinkedHashMap<>();
            for (String tag : wanted) {
                out.put(tag, List.copyOf(Jdbc.list(c, q1, r -> new ArticleRef(r.getLong(1), r.getString(2)), tag, limitPerTag)));
            }
            return out;
        });
    }

    /** Q2, with the contract of {@link ArticleService#usersBySourceUrl}. */
    List<String> usersBySourceUrl(String sourceUrl) {
        Objects.requireNonNull(sourceUrl, "sourceUrl");
        return db.read(c -> List.copyOf(Jdbc.list(c, q2, r -> r.getString(1), sourceUrl)));
    }

    /** How H2 plans to run Q1 and Q2 ({@code EXPLAIN}), keyed {@code "Q1"} and {@code "Q2"}. */
    Map<String, String> plans() {
        return db.read(c -> {
            Map<String, String> plans = new LinkedHashMap<>();
            plans.put("Q1", Jdbc.first(c, "EXPLAIN " + q1, r -> r.getString(1), "java", 20).orElseThrow());
            plans.put("Q2", Jdbc.first(c, "EXPLAIN " + q2, r -> r.getString(1), "https://go.dev/blog").orElseThrow());
            return plans;
        });
    }
}
