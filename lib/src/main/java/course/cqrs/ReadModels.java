package course.cqrs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * Which read model of a {@link ReadStore} queries read and which one applies fill: the served
 * model, and during a rebuild a second one filled beside it, each in a schema of its own
 * ({@code MODEL_1}, {@code MODEL_2}, ...). Switching holds a read-write lock exclusively, while
 * queries and applies hold it shared, so a model is never dropped while anyone uses it and a
 * query waits only while a switch itself runs. {@link ReadStore}'s class comment tells what a
 * reader sees.
 *
 * <pre>{@code
 * ReadModels models = new ReadModels(db, SCHEMA, Q1, Q2);   // SQL with {m} for the schema
 * models.reading(m -> m.queries().usersBySourceUrl(url));
 * models.beginRebuild();   // applies now go to a new, empty model
 * models.finishRebuild();  // queries switch to it; the old one is dropped
 * }</pre>
 */
final class ReadModels {
    /**
     * One read model: a schema holding the three tables, and Q1 and Q2 on them.
     *
     * @param schema  the schema's name, used nowhere else
     * @param queries Q1 and Q2 on this model's tables
     */
    record Model(String schema, Queries queries) {
        /** {@code template} with {@code {m}} replaced by this model's schema. */
        String sql(String template) {
            return template.replace("{m}", schema);
        }
    }

    private final Database db;
    /** The DDL of one model, with {@code {m}} for its schema. */
    private final String[] schemaTemplate;
    /** Q1 and Q2 with {@code {m}} for the schema. */
    private final String q1;
    private final String q2;
    /** Numbers the models' schemas; the first model is 1. */
    private final AtomicInteger models = new AtomicInteger();
    /**
     * Guards the choice of model: queries and applies hold the read lock for as long as they use
     * the model they chose; switching models holds the write lock. So a model is never dropped
     * while anyone uses it: it is dropped after the switch, when no one can choose it any more.
     */
    private final ReentrantReadWriteLock choice = new ReentrantReadWriteLock();
    /** The model queries read. Never null. Replaced only under the write lock of {@link #choice}. */
    private Model served;
    /**
     * The model a rebuild is filling beside {@link #served}, or null when no rebuild is under way;
     * applies go here while it exists. Replaced only under the write lock of {@link #choice}.
     */
    private Model building;

    /** The models of {@code db}, starting with one empty served model. */
    ReadModels(Database db, String[] schemaTemplate, String q1, String q2) {
        this.db = db;
        this.schemaTemplate = schemaTemplate.clone();
        this.q1 = q1;
        this.q2 = q2;
        this.served = newModel();
    }

    /** Serves a new, empty model and drops the old ones; see {@link ReadStore#reset()}. */
    void reset() {
        Model empty = newModel();
        List<Model> old = new ArrayList<>(2);
        choice.writeLock().lock();
        try {
            old.add(served);
            if (building != null) {
                old.add(building);
            }
            served = empty;
            building = null;
        } finally {
            choice.writeLock().unlock();
        }
        old.forEach(this::drop);
    }

    /** Makes applies fill a new, empty model beside the served one; see {@link ReadStore#beginRebuild()}. */
    void beginRebuild() {
        Model fresh = newModel();
        Model abandoned;
        choice.writeLock().lock();
        try {
            abandoned = building;
            building = fresh;
        } finally {
            choice.writeLock().unlock();
        }
        if (abandoned != null) {
            drop(abandoned);
        }
    }

    /** Serves the model a rebuild has filled; false when none was; see {@link ReadStore#finishRebuild()}. */
    boolean finishRebuild() {
        Model old;
        choice.writeLock().lock();
        try {
            if (building == null) {
                return false;
            }
            old = served;
            served = building;
            building = null;
        } finally {
            choice.writeLock().unlock();
        }
        drop(old);
        return true;
    }

    /** Whether a rebuild is filling a model beside the served one. */
    boolean isRebuilding() {
        choice.readLock().lock();
        try {
            return building != null;
        } finally {
            choice.readLock().unlock();
        }
    }

    /** Runs {@code work} on the model queries read, which stays chosen (and undropped) until it returns. */
    <T> T reading(Function<Model, T> work) {
        choice.readLock().lock();
        try {
            return work.apply(served);
        } finally {
            choice.readLock().unlock();
        }
    }

    /** Runs {@code work} on the model applies go to: the one being rebuilt, if any, else the served one. */
    <T> T filling(Function<Model, T> work) {
        choice.readLock().lock();
        try {
            return work.apply(building != null ? building : served);
        } finally {
            choice.readLock().unlock();
        }
    }

    /** Creates the tables of a new, empty model in a schema of its own. No one uses it yet. */
    private Model newModel() {
        String schema = "MODEL_" + models.incrementAndGet();
        String[] ddl = new String[schemaTemplate.length];
        for (int i = 0; i < schemaTemplate.length; i++) {
            ddl[i] = schemaTemplate[i].replace("{m}", schema);
        }
        db.execute(ddl);
        return new Model(schema, new Queries(db, q1.replace("{m}", schema), q2.replace("{m}", schema)));
    }

    /** Drops a model no one can choose any more. */
    private void drop(Model m) {
        db.execute("DROP SCHEMA " + m.schema() + " CASCADE");
    }
}
