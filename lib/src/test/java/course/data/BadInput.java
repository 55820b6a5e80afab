package course.data;

import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.provider.Arguments;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * Helpers for the tables of bad input that every loader's test keeps: a valid text with one
 * part replaced, and the checks that an error message names its place, field and expectation.
 */
public final class BadInput {
    private BadInput() {
    }

    /** {@code text} with {@code from}, which must occur exactly once, replaced by {@code to}. */
    public static String with(String text, String from, String to) {
        int at = text.indexOf(from);
        if (at < 0 || at != text.lastIndexOf(from)) {
            throw new IllegalArgumentException("not exactly once in the text: " + from);
        }
        return text.replace(from, to);
    }

    /**
     * Checks that {@code message} starts with {@code start} (the file and line, for example
     * {@code "data file x.json at line 3, column "}), names {@code field} (or no field, when it is
     * null) and contains every fragment of {@code says}.
     */
    public static void assertNames(String message, String start, String field, List<String> says) {
        assertTrue(message.startsWith(start), "expected the message to start with \"" + start + "\": " + message);
        if (field != null) {
            assertTrue(message.contains(", field '" + field + "': "), "expected field '" + field + "' in: " + message);
        } else {
            assertFalse(message.contains(", field '"), "expected no field in: " + message);
        }
        for (String fragment : says) {
            assertTrue(message.contains(fragment), "missing \"" + fragment + "\" in: " + message);
        }
    }

    /** A row of a constructor's table: what to build, the exception it must throw, and its exact message. */
    public static Arguments invalid(String name, Executable construct, Class<? extends Throwable> type, String message) {
        return argumentSet(name, construct, type, message);
    }

    /** Checks a row made by {@link #invalid}. */
    public static void assertRejected(Executable construct, Class<? extends Throwable> type, String message) {
        assertEquals(message, assertThrows(type, construct).getMessage());
    }
}
