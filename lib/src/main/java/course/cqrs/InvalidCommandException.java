package course.cqrs;

import java.util.List;

/**
 * A command broke one or more rules. The message lists every problem, so the caller can fix
 * them all at once; {@link #problems()} gives them one by one.
 */
public final class InvalidCommandException extends IllegalArgumentException {
    private final String command;
    private final List<String> problems;

    InvalidCommandException(String command, List<String> problems) {
        super("invalid " + command + " command: " + String.join("; ", problems));
        this.command = command;
        this.problems = List.copyOf(problems);
    }

    /** Which command was rejected: {@code "create"} or {@code "update"}. */
    public String command() {
        return command;
    }

    /** Every problem found, one sentence each. */
    public List<String> problems() {
        return problems;
    }
}
