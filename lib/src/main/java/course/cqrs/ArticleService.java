package course.cqrs;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a client of the favourite-articles app can do, whichever architecture serves it:
 * the plain {@link CrudStore} of chapter 4 or the {@link CqrsSystem} of chapter 5.
 *
 * <p>Q1 and Q2 are the two queries that arrived after the app was built:
 * <ul>
 *   <li>{@link #articlesByHashtags Q1}: for several hashtags, the newest articles carrying each;</li>
 *   <li>{@link #usersBySourceUrl Q2}: the users who saved a given source URL.</li>
 * </ul>
 * Both implementations answer them identically once the CQRS read side has caught up; the
 * CQRS side may lag behind its writes (eventual consistency).
 *
 * <pre>{@code
 * try (ArticleService app = new CrudStore()) {
 *     long id = app.create(new CreateArticle("ana", "https://go.dev/blog", List.of("go"), List.of()));
 *     app.articlesByHashtags(List.of("go"), 10);   // {go=[ArticleRef[id=1, sourceUrl=https://go.dev/blog]]}
 *     app.usersBySourceUrl("https://go.dev/blog"); // [ana]
 * }
 * }</pre>
 */
public interface ArticleService extends AutoCloseable {
    /**
     * Saves an article, or returns the id of the one already saved for this (user id, source URL).
     *
     * @throws InvalidCommandException when the command breaks a rule
     */
    long create(CreateArticle command);

    /**
     * Replaces an article's hashtags and paragraphs; owner and source URL stay as they were.
     *
     * @return the article as it is after the update
     * @throws InvalidCommandException  when the command breaks a rule
     * @throws UnknownArticleException when no article has that id
     */
    Article update(UpdateArticle command);

    /** The article with this id, as the write side holds it. */
    Optional<Article> get(long id);

    /**
     * Q1: for each tag (normalised like command hashtags), at most {@code limitPerTag} articles
     * carrying it as a global hashtag, newest first (creation time, then id, descending). The map
     * keeps the order of {@code tags}; a tag with no articles maps to an empty list.
     *
     * @throws IllegalArgumentException when a tag is malformed or the limit is not positive
     */
    Map<String, List<ArticleRef>> articlesByHashtags(Collection<String> tags, int limitPerTag);

    /** Q2: the users who saved exactly this source URL, in alphabetical order. */
    List<String> usersBySourceUrl(String sourceUrl);

    /** Releases everything; safe to call more than once. Never waits without bound. */
    @Override
    void close();
}
