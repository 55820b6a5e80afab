package course.cqrs;

import java.util.ArrayList;
import java.util.List;

/**
 * The command that saves an article for a user.
 *
 * <p>Create is idempotent on (user id, source URL): sending the same pair again returns the
 * id of the article already saved and changes nothing, so a client may retry safely.
 *
 * <p>Rules checked by {@link #validated()}:
 * <ul>
 *   <li>the user id is 1 to 64 letters, digits, {@code .}, {@code _} or {@code -};</li>
 *   <li>the source URL is an absolute {@code http} or {@code https} URL with a host, at most
 *       2,048 characters;</li>
 *   <li>at most 20 global hashtags and 50 paragraphs; each hashtag is 1 to 40 letters, digits
 *       or {@code _} after an optional leading {@code #} (stored in lower case);</li>
 *   <li>every paragraph has text (at most 10,000 characters) and at most 20 hashtags.</li>
 * </ul>
 *
 * <pre>{@code
 * var create = new CreateArticle("ana", "https://go.dev/blog/pipelines",
 *         List.of("#Go", "concurrency"), List.of(Paragraph.of("Stages are connected by channels.", "channels")));
 * long id = service.create(create);
 * }</pre>
 *
 * @param userId     who saves the article
 * @param sourceUrl  where the article lives
 * @param hashtags   the article's global hashtags
 * @param paragraphs its paragraphs, each with its own hashtags
 */
public record CreateArticle(String userId, String sourceUrl, List<String> hashtags, List<Paragraph> paragraphs)
        implements Command {
    public CreateArticle {
        hashtags = Paragraph.copy(hashtags);
        paragraphs = Paragraph.copy(paragraphs);
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        Validation.checkUserId(userId, problems);
        Validation.checkSourceUrl(sourceUrl, problems);
        Validation.normaliseTags("global hashtag", hashtags, Validation.MAX_TAGS, problems);
        Validation.normaliseParagraphs(paragraphs, problems);
        return List.copyOf(problems);
    }

    @Override
    public CreateArticle validated() {
        List<String> problems = new ArrayList<>();
        Validation.checkUserId(userId, problems);
        Validation.checkSourceUrl(sourceUrl, problems);
        List<String> tags = Validation.normaliseTags("global hashtag", hashtags, Validation.MAX_TAGS, problems);
        List<Paragraph> paras = Validation.normaliseParagraphs(paragraphs, problems);
        if (!problems.isEmpty()) {
            throw new InvalidCommandException("create", problems);
        }
        return new CreateArticle(userId, sourceUrl, tags, paras);
    }
}
