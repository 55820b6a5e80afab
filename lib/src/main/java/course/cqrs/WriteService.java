package course.cqrs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The CQRS write side, log first: a command is decided against the write model, appended to the
 * log, and only then stored in the CRUD tables, which are one more projection of the log.
 *
 * <p>Each command is handled in four steps:
 * <ol>
 *   <li>validate it (a bad command throws {@link InvalidCommandException} and publishes nothing);</li>
 *   <li>under the lock of its key (the (user id, source URL) pair for a create, the article id for
 *       an update), decide it against the <b>write model</b>, the latest snapshot of every article
 *       kept in memory: a create whose pair is already saved returns the existing id and publishes
 *       nothing; an update of an unknown id throws {@link UnknownArticleException};</li>
 *   <li>append the new snapshot to the log as a {@code create} or {@code update} event keyed by the
 *       article id, and record it in the write model. <b>The append is the commit:</b> from then on
 *       the change exists, whatever happens next;</li>
 *   <li>bring the CRUD tables ({@link #store()}) up to date with the log ({@link #catchUp()}), so
 *       that {@link #get} reads the write once the command has returned.</li>
 * </ol>
 * The log is the golden source. If the service fails between steps 3 and 4 (a crash, a full
 * disk), no event is lost: the command throws, the CRUD tables are behind, and the next command
 * or {@link #catchUp()} applies what they missed. A client that retries a create after such a
 * failure gets the same id back and publishes nothing, because create is idempotent on its pair.
 * A new write service started on a log that already holds events rebuilds its write model and its
 * CRUD tables from it.
 *
 * <p>Concurrency: commands on different keys run in parallel, commands on one key one at a time, so
 * the events of one article are appended in the order they were decided. The CRUD tables apply the
 * log partition by partition, in offset order, under their own lock.
 *
 * <p>Unlike the original example, an update event carries the real article id, the user id
 * and the source URL, because it carries the whole article.
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
    /** Locks that serialise the commands of one key; a key always maps to the same one. */
    private static final int KEY_LOCKS = 64;
    /** The most log entries applied to the CRUD tables in one transaction. */
    private static final int CATCH_UP_BATCH = 256;

    private final EventLog log;
    private final CrudStore store;
    private final LongSupplier clock;
    private final Consumer<LogEntry> afterAppend;
    private final ReentrantLock[] keyLocks = new ReentrantLock[KEY_LOCKS];

    /**
     * The write model: every article's latest snapshot, by id. An entry changes only under its
     * id's key lock, right after its event was appended; so it always equals the fold of the log.
     */
    private final ConcurrentHashMap<Long, Article> articles = new ConcurrentHashMap<>();
    /** The id of each saved (user id, source URL) pair. Changes only under the pair's key lock. */
    private final ConcurrentHashMap<Pair, Long> ids = new ConcurrentHashMap<>();
    /** The highest id handed out. */
    private final AtomicLong lastId = new AtomicLong();

    /** Guards {@link #storeNext} and every write to {@link #store}. */
    private final ReentrantLock storeLock = new ReentrantLock();
    /** Per partition: the offset of the first entry the CRUD tables have not applied. Guarded by storeLock. */
    private final long[] storeNext;

    private record Pair(String userId, String sourceUrl) {
    }

    /**
     * A write side with its own private CRUD tables, publishing to {@code log}. When the log already
     * holds events, the write model and the tables are rebuilt from them first.
     *
     * @throws IllegalArgumentException when the log holds two articles for one (user id, source URL) pair
     */
    public WriteService(EventLog log) {
        this(log, entry -> { });
    }

    /**
     * A write side that calls {@code afterAppend} with each new log entry between the append (step 3)
     * and the CRUD update (step 4): a place to make the service fail at the worst moment, as a crash
     * would. If the hook throws, the command throws that exception, its event stays in the log,
     * and the CRUD tables catch up on the next command or {@link #catchUp()}.
     */
    public WriteService(EventLog log, Consumer<LogEntry> afterAppend) {
        this(log, new CrudStore("writes", CrudStore.DEFAULT_CONNECTIONS, System::currentTimeMillis),
                System::currentTimeMillis, afterAppend);
    }

    WriteService(EventLog log, CrudStore store, LongSupplier clock, Consumer<LogEntry> afterAppend) {
        this.log = Objects.requireNonNull(log, "log");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.afterAppend = Objects.requireNonNull(afterAppend, "afterAppend");
        for (int i = 0; i < KEY_LOCKS; i++) {
            keyLocks[i] = new ReentrantLock();
        }
        this.storeNext = new long[log.partitions()];
        for (LogEntry entry : log.entries()) {
            remember(entry.event().data());
        }
        catchUp();
    }

    /**
     * Saves an article: appends a {@code create} event, then stores it in the CRUD tables. For a
     * pair already saved, returns the existing id and publishes nothing.
     *
     * @throws InvalidCommandException when the command breaks a rule
     * @throws RuntimeException        whatever the {@code afterAppend} hook throws; the event is in the log
     */
    public long create(CreateArticle command) {
        CreateArticle valid = Objects.requireNonNull(command, "command").validated();
        long id = decideAndAppend(valid);
        catchUp();
        return id;
    }

    /**
     * Saves many articles, one create each, and brings the CRUD tables up to date once at the end
     * (for loading a dataset). Every command is validated before anything is published.
     *
     * @return the ids, in the order of the commands
     * @throws InvalidCommandException when any command is invalid (nothing is published then)
     */
    public List<Long> createAll(List<CreateArticle> commands) {
        Objects.requireNonNull(commands, "commands");
        List<CreateArticle> valid = new ArrayList<>(commands.size());
        for (CreateArticle c : commands) {
            valid.add(Objects.requireNonNull(c, "a command in the list is null").validated());
        }
        List<Long> out = new ArrayList<>(valid.size());
        for (CreateArticle c : valid) {
            out.add(decideAndAppend(c));
        }
        catchUp();
        return out;
    }

    /**
     * Updates an article: appends an {@code update} event with the full new snapshot, then stores it
     * in the CRUD tables.
     *
     * @return the article as it is after the update
     * @throws InvalidCommandException  when the command breaks a rule
     * @throws UnknownArticleException when no article has that id
     * @throws RuntimeException         whatever the {@code afterAppend} hook throws; the event is in the log
     */
    public Article update(UpdateArticle command) {
        UpdateArticle valid = Objects.requireNonNull(command, "command").validated();
        long id = valid.articleId();
        Article now;
        LogEntry entry;
        ReentrantLock lock = lockFor(id);
        lock.lock();
        try {
            Article before = articles.get(id);
            if (before == null) {
                throw new UnknownArticleException(id);
            }
            now = new Article(id, before.userId(), before.sourceUrl(), valid.hashtags(), valid.paragraphs(),
                    before.createdAt(), clock.getAsLong(), before.version() + 1);
            entry = log.append(Event.updated(now));
            articles.put(id, now);
        } finally {
            lock.unlock();
        }
        afterAppend.accept(entry);
        catchUp();
        return now;
    }

    /**
     * Applies to the CRUD tables every log entry they have not applied yet, partition by partition in
     * offset order, a batch per transaction. Every command ends with it; call it yourself after a
     * command failed between its append and its CRUD update.
     *
     * @return how many entries it applied
     */
    public int catchUp() {
        storeLock.lock();
        try {
            int applied = 0;
            for (int p = 0; p < storeNext.length; p++) {
                long end = log.endOffset(p);
                while (storeNext[p] < end) {
                    List<LogEntry> batch = log.read(p, storeNext[p], CATCH_UP_BATCH);
                    store.applySnapshots(batch.stream().map(e -> e.event().data()).toList());
                    storeNext[p] = batch.getLast().offset() + 1;
                    applied += batch.size();
                }
            }
            return applied;
        } finally {
            storeLock.unlock();
        }
    }

    /** How many log entries the CRUD tables have not applied yet (0 after every command that returned). */
    public long storeBehind() {
        storeLock.lock();
        try {
            long[] ends = log.endOffsets();
            long behind = 0;
            for (int p = 0; p < storeNext.length; p++) {
                behind += ends[p] - storeNext[p];
            }
            return behind;
        } finally {
            storeLock.unlock();
        }
    }

    /**
     * The article as the CRUD tables hold it: up to date once the command that changed it has
     * returned (read-your-writes by id).
     */
    public Optional<Article> get(long id) {
        return store.get(id);
    }

    /** The log this service publishes to: the golden source. */
    public EventLog log() {
        return log;
    }

    /** The write side's CRUD tables, a projection of the log, for reading and checks (never write to them). */
    public CrudStore store() {
        return store;
    }

    /** Drops the write side's tables. The log is kept: it belongs to whoever created it. */
    @Override
    public void close() {
        store.close();
    }

    @Override
    public String toString() {
        return "WriteService[" + articles.size() + " articles, " + log + ", CRUD tables " + storeBehind() + " behind]";
    }

    /** Steps 2 and 3 of a create: decide under the pair's lock, append, record. */
    private long decideAndAppend(CreateArticle valid) {
        Pair pair = new Pair(valid.userId(), valid.sourceUrl());
        LogEntry entry;
        ReentrantLock lock = lockFor(pair);
        lock.lock();
        try {
            Long known = ids.get(pair);
            if (known != null) {
                return known;
            }
            long now = clock.getAsLong();
            Article article = new Article(lastId.incrementAndGet(), valid.userId(), valid.sourceUrl(),
                    valid.hashtags(), valid.paragraphs(), now, now, 1);
            entry = log.append(Event.created(article));
            remember(article);
        } finally {
            lock.unlock();
        }
        afterAppend.accept(entry);
        return entry.event().key();
    }

    /** Records a snapshot in the write model (a newer version replaces an older one). */
    private void remember(Article a) {
        Long owner = ids.putIfAbsent(new Pair(a.userId(), a.sourceUrl()), a.id());
        if (owner != null && owner != a.id()) {
            throw new IllegalArgumentException("the log holds two articles, " + owner + " and " + a.id()
                    + ", for user " + a.userId() + " and URL " + a.sourceUrl());
        }
        articles.merge(a.id(), a, (old, now) -> now.version() > old.version() ? now : old);
        lastId.accumulateAndGet(a.id(), Math::max);
    }

    private ReentrantLock lockFor(Object key) {
        return keyLocks[Math.floorMod(key.hashCode(), KEY_LOCKS)];
    }
}
