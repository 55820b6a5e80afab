package course.cqrs;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
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
            try (PreparedStatement s = c.prepareStatement(q1)) {
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

    /** Q2, with the contract of {@link ArticleService#usersBySourceUrl}. */
    List<String> usersBySourceUrl(String sourceUrl) {
        Objects.requireNonNull(sourceUrl, "sourceUrl");
        return db.read(c -> {
            List<String> users = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(q2)) {
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

    /** How H2 plans to run Q1 and Q2 ({@code EXPLAIN}), keyed {@code "Q1"} and {@code "Q2"}. */
    Map<String, String> plans() {
        return db.read(c -> {
            Map<String, String> plans = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("EXPLAIN " + q1)) {
                s.setString(1, "java");
                s.setInt(2, 20);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    plans.put("Q1", r.getString(1));
                }
            }
            try (PreparedStatement s = c.prepareStatement("EXPLAIN " + q2)) {
                s.setString(1, "https://go.dev/blog");
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    plans.put("Q2", r.getString(1));
                }
            }
            return plans;
        });
    }
}
