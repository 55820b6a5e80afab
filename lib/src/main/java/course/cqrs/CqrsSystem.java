package course.cqrs;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole toy CQRS app wired together: a {@link WriteService} publishing to an {@link EventLog},
 * and a {@link Projector} keeping a {@link ReadStore} up to date from it.
 *
 * <p>Commands ({@link #create}, {@link #update}) and {@link #get} go to the write side, which
 * appends each change to the log first (the golden source) and then updates its own CRUD tables;
 * the two queries ({@link #articlesByHashtags Q1}, {@link #usersBySourceUrl Q2}) go to the read
 * side, which may lag behind: right after a write, a query may not see it yet. {@link #lag()} says
 * by how much, and {@link #awaitCaughtUp} waits (bounded) until it has caught up. To see a stale
 * read for certain, stop the projector ({@code projector().stop()}), write, query, and start it
 * again ({@code projector().start()}): it continues from its recorded offsets.
 *
 * <p>{@link #close()} stops the projector first (bounded), then drops both databases, each step
 * running even if an earlier one failed.
 *
 * <pre>{@code
 * try (CqrsSystem app = new CqrsSystem(4)) {
 *     long id = app.create(new CreateArticle("ana", "https://go.dev/blog", List.of("go"), List.of()));
 *     app.awaitCaughtUp(Duration.ofSeconds(5));
 *     app.articlesByHashtags(List.of("go"), 10);   // {go=[ArticleRef[id=1, ...]]}
 * }
 * }</pre>
 */
public final class CqrsSystem implements ArticleService {
    private final EventLog log;
    private final WriteService writes;
    private final ReadStore reads;
    private final Projector projector;

    /** A system whose log has {@value EventLog#DEFAULT_PARTITIONS} partitions, projector running. */
    public CqrsSystem() {
        this(EventLog.DEFAULT_PARTITIONS);
    }

    /**
     * A system whose log has {@code partitions} partitions (one projection consumer each), projector running.
     *
     * @throws IllegalArgumentException when partitions is not 1 to 1,024
     */
    public CqrsSystem(int partitions) {
        this.log = new EventLog(EventLog.ARTICLES, partitions);
        WriteService w = null;
        ReadStore r = null;
        try {
            w = new WriteService(log);
            r = new ReadStore();
            this.projector = new Projector(log, r).start();
        } catch (RuntimeException e) {
            if (r != null) {
                r.close();
            }
            if (w != null) {
                w.close();
            }
            throw e;
        }
        this.writes = w;
        this.reads = r;
    }

    @Override
    public long create(CreateArticle command) {
        return writes.create(command);
    }

    /** Saves many articles, one create each, for loading a dataset; see {@link WriteService#createAll}. */
    public List<Long> createAll(List<CreateArticle> commands) {
        return writes.createAll(commands);
    }

    @Override
    public Article update(UpdateArticle command) {
        return writes.update(command);
    }

    @Override
    public Optional<Article> get(long id) {
        return writes.get(id);
    }

    @Override
    public Map<String, List<ArticleRef>> articlesByHashtags(Collection<String> tags, int limitPerTag) {
        return reads.articlesByHashtags(tags, limitPerTag);
    }

    @Override
    public List<String> usersBySourceUrl(String sourceUrl) {
        return reads.usersBySourceUrl(sourceUrl);
    }

    /** How far the read side is behind the write side. */
    public Lag lag() {
        return projector.lag();
    }

    /**
     * Waits at most {@code timeout} for the read side to apply every event published so far.
     *
     * @return whether it caught up in time
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return projector.awaitCaughtUp(timeout);
    }

    /** The event log: the golden source. */
    public EventLog log() {
        return log;
    }

    /** The write side. */
    public WriteService writes() {
        return writes;
    }

    /** The read side's tables. */
    public ReadStore reads() {
        return reads;
    }

    /** The projector between the log and the read side. */
    public Projector projector() {
        return projector;
    }

    /** Stops the projector (bounded), then drops both databases. Idempotent. */
    @Override
    public void close() {
        try {
            projector.close();
        } finally {
            try {
                reads.close();
            } finally {
                writes.close();
            }
        }
    }

    @Override
    public String toString() {
        return "CqrsSystem[" + log + ", " + projector + "]";
    }
}
