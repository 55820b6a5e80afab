package course.kafka;

import course.cqrs.Dataset;
import course.cqrs.Event;
import course.cqrs.EventLog;
import course.cqrs.LogEntry;
import course.cqrs.WriteService;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What the tests of this module share: events from the course's dataset, and the threads alive. */
final class Fixtures {
    private Fixtures() {
    }

    /** The events of {@code articles} generated articles and {@code articles / 4} updates, in append order. */
    static List<Event> events(int articles) {
        EventLog log = new EventLog();
        try (WriteService writes = new WriteService(log)) {
            Dataset data = Dataset.generate(7, articles);
            writes.createAll(data.creates());
            var rng = new java.util.SplittableRandom(7);
            for (int i = 0; i < articles / 4; i++) {
                writes.update(data.randomUpdate(rng, 1 + rng.nextInt(articles)));
            }
        }
        return log.entries().stream().map(LogEntry::event).toList();
    }

    /** The names of the live threads that belong to Kafka's clients or broker, or to this module. */
    static Set<String> kafkaThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.contains("kafka") || n.contains("broker") || n.contains("controller")
                        || n.contains("raft") || n.contains("worker-") || n.contains("group-recorder")
                        || n.contains("admin-client") || n.contains("producer") || n.contains("consumer"))
                .collect(Collectors.toSet());
    }
}
