package course.kafka;

/**
 * Keeps the broker's and the clients' INFO logging out of the notebook: their loggers (slf4j-simple,
 * the course's binding) print warnings and errors only. Must run before the first Kafka logger is
 * made, so every class of this package that starts Kafka code calls {@link #apply()} first.
 */
final class QuietLogs {
    private QuietLogs() {
    }

    static void apply() {
        for (String name : new String[] {"kafka", "org.apache.kafka", "state.change.logger"}) {
            String key = "org.slf4j.simpleLogger.log." + name;
            if (System.getProperty(key) == null) {
                System.setProperty(key, "error");
            }
        }
    }
}
