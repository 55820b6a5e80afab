package course.cqrs;

import java.util.List;

/**
 * A request to change the write side: {@link CreateArticle} or {@link UpdateArticle}.
 *
 * <p>A command is a plain value and may be invalid when built; the services call
 * {@link #validated()} on entry, which either returns a normalised copy (hashtags lower
 * case, without {@code #}, duplicates dropped) or throws an {@link InvalidCommandException}
 * that lists every problem at once.
 *
 * <pre>{@code
 * Command bad = new CreateArticle(" ", "ftp://x", List.of("#ok", "no spaces"), List.of());
 * bad.problems();   // [user id is blank, source URL must start with http:// or https://: ftp://x, ...]
 * }</pre>
 */
public sealed interface Command permits CreateArticle, UpdateArticle {
    /** Every problem with this command, in a sentence each; empty when it is valid. */
    List<String> problems();

    /**
     * This command, normalised, when it is valid.
     *
     * @throws InvalidCommandException listing every problem, when it is not
     */
    Command validated();
}
