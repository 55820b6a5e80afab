package course.cqrs;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * One fact the write side publishes to the {@code articles} topic: an article was created or
 * updated, with the article as it is afterwards.
 *
 * <p>An event carries the whole snapshot, not a diff, so a projection can apply it without
 * reading anything else; applying the same snapshot twice gives the same result. In JSON:
 * <pre>{@code
 * {"key":7,"resource":"article","action":"update","data":{"id":7,"userId":"ana",...}}
 * }</pre>
 *
 * @param key      the article id; also the partition key, so all events of one article stay in order
 * @param resource always {@value #ARTICLE} in this app
 * @param action   {@code create} or {@code update}
 * @param data     the article after the change; its id equals {@code key}
 */
public record Event(long key, String resource, Action action, Article data) {
    /** The only resource this app publishes. */
    public static final String ARTICLE = "article";

    /** What happened to the resource. */
    public enum Action {
        @JsonProperty("create") CREATE,
        @JsonProperty("update") UPDATE
    }

    /**
     * @throws IllegalArgumentException when the key is not positive, the resource is not
     *                                  {@value #ARTICLE}, or the article's id differs from the key
     */
    public Event {
        if (key <= 0) {
            throw new IllegalArgumentException("event key must be a positive article id, got " + key);
        }
        if (!ARTICLE.equals(resource)) {
            throw new IllegalArgumentException("event resource must be '" + ARTICLE + "', got "
                    + (resource == null ? "nothing" : "'" + resource + "'"));
        }
        Objects.requireNonNull(action, "event action is missing (create or update)");
        Objects.requireNonNull(data, "event data (the article) is missing");
        if (data.id() != key) {
            throw new IllegalArgumentException("event key " + key + " differs from its article's id " + data.id());
        }
    }

    /** The event that says {@code article} was created. */
    public static Event created(Article article) {
        return new Event(article.id(), ARTICLE, Action.CREATE, article);
    }

    /** The event that says {@code article} was updated to this snapshot. */
    public static Event updated(Article article) {
        return new Event(article.id(), ARTICLE, Action.UPDATE, article);
    }
}
