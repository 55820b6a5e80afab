package course.cqrs;

import java.util.ArrayList;
import java.util.List;

/**
 * The command that replaces an article's hashtags and paragraphs.
 *
 * <p>An update names the article by id and carries only what may change. The owner and the
 * source URL are not part of it, so an update cannot lose them (the original example's
 * update event lost both, and its article id too). The hashtag and paragraph rules are those
 * of {@link CreateArticle}; the id must be positive, and an id the write side does not know
 * raises {@link UnknownArticleException}.
 *
 * <pre>{@code
 * Article updated = service.update(new UpdateArticle(id, List.of("go", "pipelines"), List.of()));
 * }</pre>
 *
 * @param articleId  the article to update
 * @param hashtags   the new global hashtags (replacing the old ones)
 * @param paragraphs the new paragraphs (replacing the old ones)
 */
public record UpdateArticle(long articleId, List<String> hashtags, List<Paragraph> paragraphs) implements Command {
    public UpdateArticle {
        hashtags = Paragraph.copy(hashtags);
        paragraphs = Paragraph.copy(paragraphs);
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        check(problems);
        return List.copyOf(problems);
    }

    @Override
    public UpdateArticle validated() {
        List<String> problems = new ArrayList<>();
        UpdateArticle normalised = check(problems);
        if (!problems.isEmpty()) {
            throw new InvalidCommandException("update", problems);
        }
        return normalised;
    }

    private UpdateArticle check(List<String> problems) {
        if (articleId <= 0) {
            problems.add("article id must be positive, got " + articleId);
        }
        List<String> tags = Validation.normaliseTags("global hashtag", hashtags, Validation.MAX_TAGS, problems);
        List<Paragraph> paras = Validation.normaliseParagraphs(paragraphs, problems);
        return new UpdateArticle(articleId, tags, paras);
    }
}
