package course.kafka;

/** The Kafka broker could not start; the message names the step that failed and why. */
public final class BrokerStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BrokerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
