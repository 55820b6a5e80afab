package course.cqrs;

import java.util.NoSuchElementException;

/** An update named an article id that the write side has never stored. */
public final class UnknownArticleException extends NoSuchElementException {
    private final long articleId;

    UnknownArticleException(long articleId) {
        super("no article with id " + articleId);
        this.articleId = articleId;
    }

    /** The id that was not found. */
    public long articleId() {
        return articleId;
    }
}
