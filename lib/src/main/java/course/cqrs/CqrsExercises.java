package course.cqrs;

import course.exercises.Check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Self-checking exercises for the two CQRS chapters. Each {@code check...} method runs a
 * learner's attempt against small scenarios, compares it with the library's own answer, and
 * returns a {@link Check} whose text says PASS or what is not right yet. A check never throws
 * because of a wrong attempt, so the notebook cell that runs it shows no error.
 * Worked answers are in the chapters' collapsed solution cells (and in {@link CqrsSolutions}).
 *
 * <pre>{@code
 * CqrsExercises.checkUsersByUrlView(articles -> ...);     // PASS: ...
 * }</pre>
 */
public final class CqrsExercises {
    private CqrsExercises() {
    }

    /** A view-building attempt: from every stored article, a map from source URL to its users. */
    @FunctionalInterface
    public interface UsersByUrlView {
        Map<String, List<String>> build(List<Article> articles);
    }

    /** A Q1 attempt for one tag: the newest {@code limit} articles carrying {@code tag}. */
    @FunctionalInterface
    public interface NewestFirst {
        List<ArticleRef> query(List<Article> articles, String tag, int limit);
    }

    /** A visibility wait: true once {@code tag}'s Q1 answer contains {@code id}, false after {@code timeout}. */
    @FunctionalInterface
    public interface VisibilityWait {
        boolean await(CqrsSystem app, long id, String tag, Duration timeout) throws InterruptedException;
    }

    /**
     * Chapter 4, exercise 1: a materialised view for Q2. {@code attempt.build(articles)} must map
     * every source URL to the users who saved it, in alphabetical order, like
     * {@link CrudStore#usersBySourceUrl}.
     */
    public static Check checkUsersByUrlView(UsersByUrlView attempt) {
        Objects.requireNonNull(attempt, "attempt");
        Dataset data = Dataset.generate(404, 150);
        try (CrudStore crud = new CrudStore()) {
            crud.createAll(data.creates());
            List<Article> articles = crud.all();
            Map<String, List<String>> view = attempt.build(Collections.unmodifiableList(articles));
            if (view == null) {
                return Check.notYet("build returned null; return a map from URL to users");
            }
            for (String url : data.urls()) {
                List<String> expected = crud.usersBySourceUrl(url);
                List<String> got = view.getOrDefault(url, List.of());
                if (!expected.equals(got)) {
                    return Check.notYet("for " + url + " expected " + expected + " but the view has " + got);
                }
            }
            return Check.pass("the view answers Q2 for all " + data.urls().size() + " URLs without touching the database");
        } catch (RuntimeException e) {
            return Check.notYet("the attempt failed with " + e);
        }
    }

    /**
     * Chapter 4, exercise 2: Q1's order. {@code attempt.query(articles, tag, limit)} must return at
     * most {@code limit} articles whose global hashtags contain {@code tag}, newest first (by
     * creation time, then by id, both descending), like {@link CrudStore#articlesByHashtags}.
     */
    public static Check checkNewestFirst(NewestFirst attempt) {
        Objects.requireNonNull(attempt, "attempt");
        Dataset data = Dataset.generate(405, 200);
        long[] clock = {1_000};
        try (CrudStore crud = new CrudStore("exercise", 1, () -> clock[0]++ / 3)) { // ties on purpose
            crud.createAll(data.creates());
            List<Article> articles = crud.all();
            for (String tag : data.tags().subList(0, 8)) {
                for (int limit : new int[]{1, 5, 50}) {
                    List<ArticleRef> expected = crud.articlesByHashtags(List.of(tag), limit).get(tag);
                    List<ArticleRef> got = attempt.query(Collections.unmodifiableList(articles), tag, limit);
                    if (!expected.equals(got)) {
                        return Check.notYet("for #" + tag + " with limit " + limit + " expected " + abbreviate(expected)
                                + " but got " + abbreviate(got) + " (several articles share a creation time: break ties by id)");
                    }
                }
            }
            return Check.pass("newest first, ties broken by id, limit respected, for 8 tags and 3 limits");
        } catch (RuntimeException e) {
            return Check.notYet("the attempt failed with " + e);
        }
    }

    /**
     * Chapter 5, exercise 1: a new read model, "articles by user", as a fold over log entries.
     * {@code attempt.apply(entries)} must map each user to the ids of their articles, ascending. It
     * is given the log with some entries delivered twice (as after a consumer restart), so it must
     * be idempotent.
     */
    public static Check checkArticlesByUser(Function<List<LogEntry>, Map<String, List<Long>>> attempt) {
        Objects.requireNonNull(attempt, "attempt");
        Dataset data = Dataset.generate(505, 120);
        EventLog log = new EventLog(EventLog.ARTICLES, 3);
        try (WriteService writes = new WriteService(log)) {
            List<Long> ids = writes.createAll(data.creates());
            SplittableRandom rng = new SplittableRandom(5);
            for (int i = 0; i < 40; i++) {
                writes.update(data.randomUpdate(rng, ids.get(rng.nextInt(ids.size()))));
            }
            Map<String, List<Long>> expected = new TreeMap<>();
            for (Article a : writes.store().all()) {
                expected.computeIfAbsent(a.userId(), u -> new ArrayList<>()).add(a.id());
            }
            List<LogEntry> delivered = new ArrayList<>();
            for (int p = 0; p < log.partitions(); p++) {
                List<LogEntry> part = log.read(p, 0, Integer.MAX_VALUE);
                delivered.addAll(part);
                delivered.addAll(part.subList(0, part.size() / 3)); // a restart re-delivers a prefix
            }
            Map<String, List<Long>> got = attempt.apply(Collections.unmodifiableList(delivered));
            if (got == null) {
                return Check.notYet("the fold returned null; return a map from user to article ids");
            }
            for (Map.Entry<String, List<Long>> e : expected.entrySet()) {
                List<Long> mine = got.getOrDefault(e.getKey(), List.of());
                if (!e.getValue().equals(mine)) {
                    return Check.notYet("user " + e.getKey() + " should have articles " + e.getValue() + " but has " + mine
                            + (mine.size() > e.getValue().size() ? " (re-delivered entries must not count twice)" : ""));
                }
            }
            if (got.size() != expected.size()) {
                return Check.notYet("expected " + expected.size() + " users but the read model has " + got.size());
            }
            return Check.pass("articles by user for " + expected.size() + " users, with re-delivered entries ignored");
        } catch (RuntimeException e) {
            return Check.notYet("the attempt failed with " + e);
        }
    }

    /**
     * Chapter 5, exercise 2: read-your-writes on an eventually consistent read side.
     * {@code attempt.await(app, id, tag, timeout)} must return true as soon as Q1 for {@code tag}
     * lists article {@code id}, and false once {@code timeout} has passed without it, never waiting
     * much longer than the timeout.
     */
    public static Check checkVisibilityWait(VisibilityWait attempt) {
        Objects.requireNonNull(attempt, "attempt");
        Duration patience = Duration.ofSeconds(10);
        Duration brief = Duration.ofMillis(200);
        try (CqrsSystem app = new CqrsSystem(2)) {
            long id = app.create(new CreateArticle("reader", "https://example.org/ryw", List.of("ryw"), List.of()));
            if (!attempt.await(app, id, "ryw", patience)) {
                return Check.notYet("the article was written and the projector is running, but the wait returned false");
            }
            app.projector().stop();
            long other = app.create(new CreateArticle("reader", "https://example.org/never", List.of("never"), List.of()));
            long start = System.nanoTime();
            boolean seen = attempt.await(app, other, "never", brief);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (seen) {
                return Check.notYet("with the projector stopped the article cannot be visible, but the wait returned true");
            }
            if (took.compareTo(brief.multipliedBy(20)) > 0) {
                return Check.notYet("a wait of " + brief.toMillis() + " ms took " + took.toMillis() + " ms; check the clock between polls");
            }
            return Check.pass("true once the article is visible, false after the timeout when it is not");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Check.notYet("the check was interrupted");
        } catch (RuntimeException e) {
            return Check.notYet("the attempt failed with " + e);
        }
    }

    private static String abbreviate(List<ArticleRef> refs) {
        List<Long> ids = refs == null ? null : refs.stream().map(ArticleRef::id).toList();
        String text = "ids " + ids;
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
