package course.cqrs;

import java.util.List;
import java.util.Objects;

/**
 * A saved favourite article, as the write side stores it and as every event carries it.
 *
 * <p>An article is owned by one user and points at one source URL; the pair
 * (user id, source URL) is unique, which is what makes {@link CreateArticle} idempotent.
 * Updates may change the hashtags and the paragraphs but never the owner or the URL, and
 * each update raises {@code version} by one.
 *
 * @param id         the id the write side assigned, positive
 * @param userId     the user who saved it
 * @param sourceUrl  where the article lives
 * @param hashtags   the article's global hashtags, normalised (lower case, no {@code #})
 * @param paragraphs the paragraphs, each with its own hashtags
 * @param createdAt  when it was first saved, in epoch milliseconds; "newest first" sorts on it
 * @param updatedAt  when it last changed, in epoch milliseconds
 * @param version    1 when created, plus one for every update
 */
public record Article(long id, String userId, String sourceUrl, List<String> hashtags,
                      List<Paragraph> paragraphs, long createdAt, long updatedAt, int version) {
    public Article {
        if (id <= 0) {
            throw new IllegalArgumentException("article id must be positive, got " + id);
        }
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sourceUrl, "sourceUrl");
        hashtags = List.copyOf(Objects.requireNonNull(hashtags, "hashtags"));
        paragraphs = List.copyOf(Objects.requireNonNull(paragraphs, "paragraphs"));
        if (version <= 0) {
            throw new IllegalArgumentException("article version must be positive, got " + version);
        }
    }

    /** This article as a query result: its id and source URL. */
    public ArticleRef ref() {
        return new ArticleRef(id, sourceUrl);
    }
}
