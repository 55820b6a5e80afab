package course.cqrs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One paragraph of a saved article: its text and the hashtags that belong to it alone.
 *
 * <p>The record accepts anything so that a bad command can be built and then rejected with
 * a clear message; {@link CreateArticle} and {@link UpdateArticle} check paragraphs when
 * they are validated. The hashtag list is copied, so later changes to the caller's list do
 * not leak in.
 *
 * @param text     the paragraph's text
 * @param hashtags the paragraph's own hashtags, for example {@code ["jvm", "gc"]}
 */
public record Paragraph(String text, List<String> hashtags) {
    public Paragraph {
        hashtags = copy(hashtags);
    }

    /** A paragraph with the given text and hashtags. */
    public static Paragraph of(String text, String... hashtags) {
        return new Paragraph(text, List.of(hashtags));
    }

    /** Copies a list that may hold nulls (so validation can report them); null stays null. */
    static <T> List<T> copy(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
