package course.cqrs;

/**
 * One row of a Q1 answer (articles by hashtag): an article's id and its source URL.
 *
 * @param id        the article id
 * @param sourceUrl the article's source URL
 */
public record ArticleRef(long id, String sourceUrl) {
}
