package course.cqrs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The CQRS write side: the CRUD service as it was, plus one event per change published to the log.
 *
 * <p>Each command is handled in three steps, one command at a time:
 * <ol>
 *   <li>validate it (a bad command throws {@link InvalidCommandException} and publishes nothing);</li>
 *   <li>apply it to the write side's own normalised tables (a {@link CrudStore}) and commit;</li>
 *   <li>append the resulting article snapshot to the log as a {@code create} or {@code update}
 *       event keyed by the article id.</li>
 * </ol>
 * Steps 2 and 3 run under one lock, so the log's order is the order of the commits. (A real
 * system gets the same guarantee from a transactional outbox, since the database and the
 * broker cannot share one transaction.) A create that finds the (user id, source URL) pair
 * already saved returns the existing id and publishes nothing: nothing changed.
 *
 * <p>Unlike the original example, an update event carries the real article id, the user id
 * and the source URL, because it carries the whole stored article.
 *
 * <pre>{@code
 * EventLog log = new EventLog();
 * try (WriteService writes = new WriteService(log)) {
 *     long id = writes.create(new CreateArticle("ana", "https://go.dev/blog", List.of("go"), List.of()));
 *     writes.update(new UpdateArticle(id, List.of("go", "channels"), List.of()));
 *     log.size();   // 2
 * }
 * }</pre>
 */
public final class WriteService implements AutoCloseable {
    private final EventLog log;
    private final CrudStore store;
    /** Makes commit-then-append atomic with respect to other commands. */
    private final ReentrantLock lock = new ReentrantLock();

    /** A write side with its own private tables, publishing to {@code log}. */
    public WriteService(EventLog log) {
        this(log, new CrudStore("writes", CrudStore.DEFAULT_CONNECTIONS, System::currentTimeMillis));
    }

    WriteService(EventLog log, CrudStore store) {
        this.log = Objects.requireNonNull(log, "log");
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Saves an article and publishes a {@code create} event; for a pair already saved, returns
     * the existing id and publishes nothing.
     *
     * @throws InvalidCommandException when the command breaks a rule
     */
    public long create(CreateArticle command) {
        CreateArticle valid = Objects.requireNonNull(command, "command").validated();
        lock.lock();
        try {
            CrudStore.Created created = store.createOrGet(valid);
            if (created.isNew()) {
                log.append(Event.created(created.article()));
            }
            return created.article().id();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Saves many articles in one transaction (for loading a dataset) and publishes a
     * {@code create} event for each new one, in order.
     *
     * @return the ids, in the order of the commands
     * @throws InvalidCommandException when any command is invalid (nothing is saved or published then)
     */
    public List<Long> createAll(List<CreateArticle> commands) {
        lock.lock();
        try {
            List<CrudStore.Created> created = store.createAllOrGet(commands);
            List<Long> ids = new ArrayList<>(created.size());
            for (CrudStore.Created c : created) {
                if (c.isNew()) {
                    log.append(Event.created(c.article()));
                }
                ids.add(c.article().id());
            }
            return ids;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Updates an article and publishes an {@code update} event with the full new snapshot.
     *
     * @throws InvalidCommandException  when the command breaks a rule
     * @throws UnknownArticleException when no article has that id
     */
    public Article update(UpdateArticle command) {
        UpdateArticle valid = Objects.requireNonNull(command, "command").validated();
        lock.lock();
        try {
            Article article = store.update(valid);
            log.append(Event.updated(article));
            return article;
        } finally {
            lock.unlock();
        }
    }

    /** The article as the write side holds it (always up to date: read-your-writes by id). */
    public Optional<Article> get(long id) {
        return store.get(id);
    }

    /** The log this service publishes to. */
    public EventLog log() {
        return log;
    }

    /** The write side's own tables, for checks (the read side never queries them). */
    public CrudStore store() {
        return store;
    }

    /** Drops the write side's tables. The log is kept: it belongs to whoever created it. */
    @Override
    public void close() {
        store.close();
    }
}
