package course.cqrs;

import course.concurrent.internal.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Worked solutions to the exercises of the two CQRS chapters (4 and 5). They duplicate the
 * chapters' collapsed solution cells, which are where a learner reads them; they are kept here
 * only so that {@code CqrsSolutionsTest} checks that the model answers still pass
 * {@link CqrsExercises}.
 *
 * <pre>{@code
 * CqrsExercises.checkUsersByUrlView(CqrsSolutions::usersByUrlView);   // PASS: ...
 * }</pre>
 */
public final class CqrsSolutions {
    private CqrsSolutions() {
    }

    /** Chapter 4, exercise 1: group the articles by URL and sort each group's users. */
    public static Map<String, List<String>> usersByUrlView(List<Article> articles) {
        Map<String, TreeSet<String>> byUrl = new HashMap<>();
        for (Article a : articles) {
            byUrl.computeIfAbsent(a.sourceUrl(), u -> new TreeSet<>()).add(a.userId());
        }
        Map<String, List<String>> view = new HashMap<>();
        byUrl.forEach((url, users) -> view.put(url, List.copyOf(users)));
        return view;
    }

    /** Chapter 4, exercise 2: filter by tag, sort by (createdAt, id) descending, keep the first {@code limit}. */
    public static List<ArticleRef> newestFirst(List<Article> articles, String tag, int limit) {
        return articles.stream()
                .filter(a -> a.hashtags().contains(tag))
                .sorted(Comparator.comparingLong(Article::createdAt).thenComparingLong(Article::id).reversed())
                .limit(limit)
                .map(Article::ref)
                .toList();
    }

    /**
     * Chapter 5, exercise 1: keep the latest snapshot per article (by version, so a re-delivered
     * older entry cannot win), then group the ids by user. An article never changes owner, so
     * even the version check is belt and braces; what makes the fold idempotent is keying by id.
     */
    public static Map<String, List<Long>> articlesByUser(List<LogEntry> entries) {
        Map<Long, Article> latest = new HashMap<>();
        for (LogEntry e : entries) {
            Article a = e.event().data();
            latest.merge(a.id(), a, (old, now) -> now.version() >= old.version() ? now : old);
        }
        Map<String, List<Long>> byUser = new TreeMap<>();
        latest.values().stream().sorted(Comparator.comparingLong(Article::id))
                .forEach(a -> byUser.computeIfAbsent(a.userId(), u -> new ArrayList<>()).add(a.id()));
        return byUser;
    }

    /**
     * Chapter 5, exercise 2: poll Q1 until the article shows up or the deadline passes, sleeping a
     * little between polls so as not to hammer the read side.
     */
    public static boolean awaitVisible(CqrsSystem app, long id, String tag, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(app, "app");
        long deadline = Durations.deadlineAfter(Objects.requireNonNull(timeout, "timeout"));
        while (true) {
            List<ArticleRef> refs = app.articlesByHashtags(List.of(tag), 1_000).get(tag);
            if (refs.stream().anyMatch(r -> r.id() == id)) {
                return true;
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(2);
        }
    }
}
