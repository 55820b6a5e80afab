package course.cqrs;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static course.cqrs.TestData.PATIENCE;
import static course.cqrs.TestData.create;
import static course.cqrs.TestData.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WriteServiceTest {
    @Test
    void everyCreatePublishesOneCreateEventWithTheArticle() {
        EventLog log = new EventLog();
        try (WriteService writes = new WriteService(log)) {
            long id = writes.create(create("ana", "https://go.dev/blog", "go"));
            assertEquals(1, log.size());
            LogEntry entry = log.entries().getFirst();
            assertEquals("articles", entry.topic());
            assertEquals(Event.created(writes.get(id).orElseThrow()), entry.event());
        }
    }

    @Test
    void aRepeatedCreateReturnsTheSameIdAndPublishesNothing() {
        EventLog log = new EventLog();
        try (WriteService writes = new WriteService(log)) {
            long id = writes.create(create("ana", "https://go.dev/blog", "go"));
            assertEquals(id, writes.create(create("ana", "https://go.dev/blog", "java")));
            assertEquals(1, log.size());
        }
    }

    @Test
    void anUpdateEventCarriesTheRealIdUserAndUrl() {
        EventLog log = new EventLog();
        try (WriteService writes = new WriteService(log)) {
            long id = writes.create(create("ana", "https://go.dev/blog", "go"));
            writes.update(update(id, "streaming"));
            Event e = log.entries().getLast().event();
            assertEquals(Event.Action.UPDATE, e.action());
            assertEquals(id, e.key());
            assertEquals(id, e.data().id());
            assertEquals("ana", e.data().userId());
            assertEquals("https://go.dev/blog", e.data().sourceUrl());
            assertEquals(List.of("streaming"), e.data().hashtags());
        }
    }

    @Test
    void rejectedCommandsPublishNothing() {
        EventLog log = new EventLog();
        try (WriteService writes = new WriteService(log)) {
            assertThrows(InvalidCommandException.class, () -> writes.create(create("ana", "not a url")));
            assertThrows(UnknownArticleException.class, () -> writes.update(update(99, "x")));
            assertEquals(0, log.size());
        }
    }

    @Test
    void createAllPublishesOnlyTheNewArticlesInOrder() {
        EventLog log = new EventLog();
        try (WriteService writes = new WriteService(log)) {
            writes.create(create("ana", "https://1.org"));
            List<Long> ids = writes.createAll(List.of(create("ana", "https://1.org"), create("ben", "https://1.org"),
                    create("chloe", "https://2.org")));
            assertEquals(3, log.size());
            assertEquals(List.of(ids.get(0), ids.get(1), ids.get(2)),
                    log.entries().stream().map(e -> e.event().key()).toList());
        }
    }

    /** A hook that throws for the first {@code n} entries appended: a crash between the append and the CRUD update. */
    private static java.util.function.Consumer<LogEntry> crashFirst(int n) {
        java.util.concurrent.atomic.AtomicInteger left = new java.util.concurrent.atomic.AtomicInteger(n);
        return entry -> {
            if (left.getAndDecrement() > 0) {
                throw new IllegalStateException("crash after appending offset " + entry.offset());
            }
        };
    }

    @Test
    void theEventIsAppendedBeforeTheCrudTablesAreTouched() {
        EventLog log = new EventLog();
        AtomicReference<Long> storedWhenAppended = new AtomicReference<>();
        WriteService[] self = new WriteService[1];
        try (WriteService writes = new WriteService(log, entry -> storedWhenAppended.set(self[0].store().size()))) {
            self[0] = writes;
            writes.create(create("ana", "https://go.dev/blog", "go"));
            assertEquals(0L, storedWhenAppended.get(), "the CRUD tables had the article before its event was in the log");
            assertEquals(1, writes.store().size());
        }
    }

    @Test
    void aFailureAfterTheAppendLosesNothingAndTheNextCommandCatchesUp() {
        EventLog log = new EventLog();
        try (WriteService writes = new WriteService(log, crashFirst(1))) {
            assertThrows(IllegalStateException.class, () -> writes.create(create("ana", "https://go.dev/blog", "go")));
            assertEquals(1, log.size(), "the event is in the log: the change happened");
            assertEquals(1, writes.storeBehind());
            assertEquals(0, writes.store().size());
            long other = writes.create(create("ben", "https://go.dev/blog", "java"));
            assertEquals(0, writes.storeBehind());
            assertEquals(List.of("ana", "ben"), writes.store().all().stream().map(Article::userId).toList());
            assertEquals("ben", writes.get(other).orElseThrow().userId());
        }
    }

    @Test
    void aRetriedCreateAfterAFailureReturnsTheSameIdAndPublishesNothing() {
        EventLog log = new EventLog();
        try (WriteService writes = new WriteService(log, crashFirst(1))) {
            assertThrows(IllegalStateException.class, () -> writes.create(create("ana", "https://go.dev/blog", "go")));
            long id = log.entries().getFirst().event().key();
            assertEquals(id, writes.create(create("ana", "https://go.dev/blog", "go")));
            assertEquals(1, log.size());
            assertEquals(List.of("go"), writes.get(id).orElseThrow().hashtags());
        }
    }

    @Test
    void aFailedUpdateIsInTheLogAndCatchUpStoresIt() {
        EventLog log = new EventLog();
        AtomicBoolean crash = new AtomicBoolean();
        try (WriteService writes = new WriteService(log, entry -> {
            if (crash.getAndSet(false)) {
                throw new IllegalStateException("crash");
            }
        })) {
            long id = writes.create(create("ana", "https://go.dev/blog", "go"));
            crash.set(true);
            assertThrows(IllegalStateException.class, () -> writes.update(update(id, "streaming")));
            assertEquals(List.of("go"), writes.get(id).orElseThrow().hashtags(), "the CRUD tables are behind");
            assertEquals(1, writes.catchUp());
            Article now = writes.get(id).orElseThrow();
            assertEquals(List.of("streaming"), now.hashtags());
            assertEquals(2, now.version());
            assertEquals(0, writes.catchUp(), "catching up twice applies nothing more");
        }
    }

    @Test
    void aWriteServiceStartedOnALogRebuildsItsModelAndTablesFromIt() {
        EventLog log = new EventLog("articles", 3);
        List<Article> before;
        long id;
        try (WriteService first = new WriteService(log)) {
            first.createAll(Dataset.generate(3, 40).creates());
            id = first.create(create("ana", "https://go.dev/blog", "go"));
            first.update(update(id, "java"));
            before = first.store().all();
        }
        try (WriteService restarted = new WriteService(log)) {
            assertEquals(before, restarted.store().all(), "the CRUD tables are a projection of the log");
            assertEquals(id, restarted.create(create("ana", "https://go.dev/blog", "other")), "the pair is known");
            assertEquals(3, restarted.update(update(id, "go")).version(), "versions continue");
            long fresh = restarted.create(create("zoe", "https://new.org"));
            assertEquals(before.size() + 1, fresh, "ids continue after the highest in the log");
        }
    }

    @Test
    void theReadModelConvergesAlthoughSomeCommandsFailedAfterTheirAppend() throws Exception {
        EventLog log = new EventLog("articles", 3);
        SplittableRandom rng = new SplittableRandom(4);
        try (WriteService writes = new WriteService(log, entry -> {
                 if (entry.event().key() % 7 == 0) {
                     throw new IllegalStateException("crash");
                 }
             });
             ReadStore reads = new ReadStore();
             Projector projector = new Projector(log, reads).start()) {
            Dataset data = Dataset.generate(5, 60);
            int failed = 0;
            for (CreateArticle c : data.creates()) {
                try {
                    writes.create(c);
                } catch (IllegalStateException e) {
                    failed++;
                }
            }
            for (int i = 0; i < 30; i++) {
                try {
                    writes.update(data.randomUpdate(rng, 1 + rng.nextInt(60)));
                } catch (IllegalStateException e) {
                    failed++;
                }
            }
            assertTrue(failed > 0);
            writes.catchUp();
            assertTrue(projector.awaitCaughtUp(PATIENCE), () -> "still behind: " + projector.lag());
            assertEquals(60 + 30, log.size(), "every command's event is in the log, failed or not");
            try (ReadStore reference = new ReadStore()) {
                reference.replay(log);
                assertEquals(reference.contents(), reads.contents());
            }
            assertEquals(60, writes.store().size());
            for (Article a : writes.store().all()) {
                Article last = log.entries().stream().map(e -> e.event().data()).filter(x -> x.id() == a.id())
                        .reduce((x, y) -> y).orElseThrow();
                assertEquals(last, a, "the CRUD tables hold the last snapshot the log has");
            }
        }
    }

    @Test
    void concurrentCreatesOfOnePairPublishOneEvent() throws Exception {
        EventLog log = new EventLog();
        try (WriteService writes = new WriteService(log)) {
            Set<Long> ids = Collections.synchronizedSet(new java.util.HashSet<>());
            AtomicReference<Throwable> failure = new AtomicReference<>();
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        go.await();
                        for (int i = 0; i < 20; i++) {
                            ids.add(writes.create(create("ana", "https://same.org/" + i, "go")));
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }));
            }
            go.countDown();
            for (Thread t : threads) {
                t.join(PATIENCE.toMillis());
                assertFalse(t.isAlive(), "a client thread did not finish");
            }
            assertNull(failure.get());
            assertEquals(20, ids.size());
            assertEquals(20, log.size());
            assertEquals(20, writes.store().size());
        }
    }

    @Test
    void concurrentUpdatesOfOneArticleAreAppendedInVersionOrder() throws Exception {
        EventLog log = new EventLog();
        try (WriteService writes = new WriteService(log)) {
            long id = writes.create(create("ana", "https://go.dev/blog", "go"));
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String tag = "t" + t;
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        for (int i = 0; i < 25; i++) {
                            writes.update(update(id, tag));
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }));
            }
            for (Thread t : threads) {
                t.join(PATIENCE.toMillis());
                assertFalse(t.isAlive(), "a client thread did not finish");
            }
            assertNull(failure.get());
            List<Integer> versions = log.read(log.partitionFor(id), 0, 1_000).stream()
                    .map(e -> e.event().data().version()).toList();
            for (int i = 0; i < versions.size(); i++) {
                assertEquals(i + 1, versions.get(i), "versions out of order in the log: " + versions);
            }
            assertEquals(101, writes.get(id).orElseThrow().version());
        }
    }
}
