package course.cqrs;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import course.data.DataFiles;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One line of an event log file as an {@link Event}, strictly, or a {@link MalformedLogException}
 * that says in words what is wrong and where: the field, what was expected, what was found, and
 * the column where Jackson knows it. The rules are those of {@link EventLog#readFrom(Path, String, int)};
 * {@link EventLogFile} cuts the file into lines and hands each one here.
 *
 * <pre>{@code
 * Event e = EventLine.parse(Path.of("a.jsonl"), 3, "{\"key\":\"seven\", ...}");
 * // MalformedLogException: malformed log file a.jsonl at line 3, column 8: field 'key':
 * //                        expected a whole number, got the string "seven"
 * }</pre>
 */
final class EventLine {
    /** Reads a line's JSON as a tree; trailing content is checked here, by hand, to name it well. */
    private static final ObjectReader TREE_READER = DataFiles.mapper().readerFor(JsonNode.class)
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** Binds a line to an event, strictly, whatever the shared mapper's defaults. */
    private static final ObjectReader LINE_READER = DataFiles.mapper().readerFor(Event.class)
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                    DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                    DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
                    DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private EventLine() {
    }

    /**
     * One line as an event. Plan: 1. the line is not blank; 2. it is one JSON value and nothing
     * after it (read as a tree, duplicate fields refused); 3. the tree has the event's shape (no
     * unknown, missing or null field); 4. it binds to an {@link Event} (types and event rules).
     */
    static Event parse(Path file, int number, String line) {
        if (line.isBlank()) {
            throw new MalformedLogException(file, number, 0, "the line is blank; every line must hold exactly one event", null);
        }
        JsonNode tree = readOneValue(file, number, line);
        if (!tree.isObject()) {
            throw new MalformedLogException(file, number, 1, "expected an event, an object with the fields "
                    + fieldList(Event.class) + ", got " + describe(tree), null);
        }
        String shape = shapeProblem(tree, Event.class, "");
        if (shape != null) {
            throw new MalformedLogException(file, number, 0, shape, null);
        }
        try {
            return LINE_READER.readValue(line);
        } catch (ValueInstantiationException e) {
            Throwable rule = e.getCause() == null ? e : e.getCause();
            String message = rule.getMessage() == null ? rule.toString() : rule.getMessage();
            String path = path(e);
            // no column: Jackson's is the end of the object, which does not point at the problem
            throw new MalformedLogException(file, number, 0,
                    path.isEmpty() ? message : "field '" + path + "': " + message, e);
        } catch (JsonMappingException e) {
            String path = path(e);
            JsonNode got = nodeAt(tree, e.getPath());
            Type expected = typeAt(e.getPath());
            String problem = got == null || expected == null || path.isEmpty()
                    ? "field '" + path + "': " + e.getOriginalMessage()
                    : "field '" + path + "': expected " + describe(expected) + ", got " + describe(got)
                      + (outOfRange(expected, got) ? ", which is out of range" : "");
            throw new MalformedLogException(file, number, column(e), problem, e);
        } catch (JsonProcessingException e) {
            throw new MalformedLogException(file, number, column(e), "not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The line's one JSON value as a tree; an error for bad JSON, a duplicate field, or anything after the value. */
    private static JsonNode readOneValue(Path file, int number, String line) {
        try (JsonParser parser = DataFiles.mapper().createParser(line)) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            JsonNode tree;
            try {
                tree = TREE_READER.readValue(parser);
            } catch (JsonEOFException e) {
                throw new MalformedLogException(file, number, column(e),
                        "the line ends before the event does (is it cut short?)", e);
            } catch (JsonProcessingException e) {
                String message = e.getOriginalMessage();
                throw new MalformedLogException(file, number, column(e), message.startsWith("Duplicate field")
                        ? "d" + message.substring(1) + " appears twice; a field may appear once only"
                        : "not JSON: " + message, e);
            }
            try {
                if (parser.nextToken() != null) {
                    throw new MalformedLogException(file, number, parser.currentTokenLocation().getColumnNr(),
                            "a second JSON value follows the event; every line must hold exactly one event", null);
                }
            } catch (JsonProcessingException e) {
                throw new MalformedLogException(file, number, column(e), "unexpected text after the event ("
                        + e.getOriginalMessage() + "); every line must hold exactly one event", e);
            }
            return tree;
        } catch (IOException e) {
            throw new MalformedLogException(file, number, 0, e.toString(), e); // reading a String: not expected
        }
    }

    /**
     * The first field of {@code node} that is unknown, missing or null, checked against the
     * components of {@code type} and, within them, of the records and lists of records they hold;
     * null when there is none. Wrong types are left to binding, which knows their column.
     */
    private static String shapeProblem(JsonNode node, Class<?> type, String path) {
        if (!node.isObject() || !type.isRecord()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            names.add(c.getName());
        }
        for (var it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!names.contains(name)) {
                return "unknown field '" + join(path, name) + "'; " + article(type) + " has exactly " + fieldList(type);
            }
        }
        for (RecordComponent c : type.getRecordComponents()) {
            JsonNode value = node.get(c.getName());
            String at = join(path, c.getName());
            if (value == null) {
                return "field '" + at + "' is missing";
            }
            String inner = value.isNull() ? "field '" + at + "' is null; an event holds no null"
                    : shapeProblem(value, c.getGenericType(), at);
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }

    /** {@link #shapeProblem(JsonNode, Class, String)} for a component's declared type, records and lists of them. */
    private static String shapeProblem(JsonNode value, Type type, String path) {
        if (type instanceof Class<?> c) {
            return shapeProblem(value, c, path);
        }
        if (type instanceof ParameterizedType list && List.class.equals(list.getRawType()) && value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                String at = path + "[" + i + "]";
                String inner = value.get(i).isNull() ? "field '" + at + "' is null; an event holds no null"
                        : shapeProblem(value.get(i), list.getActualTypeArguments()[0], at);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    /** The declared type at a Jackson path from {@link Event}, or null when the path leaves the records. */
    private static Type typeAt(List<JsonMappingException.Reference> path) {
        Type type = Event.class;
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null && type instanceof Class<?> c && c.isRecord()) {
                type = Arrays.stream(c.getRecordComponents()).filter(r -> r.getName().equals(ref.getFieldName()))
                        .map(RecordComponent::getGenericType).findFirst().orElse(null);
            } else if (ref.getIndex() >= 0 && type instanceof ParameterizedType list) {
                type = list.getActualTypeArguments()[0];
            } else {
                return null;
            }
        }
        return type;
    }

    /** The node at a Jackson path in the line's tree, or null. */
    private static JsonNode nodeAt(JsonNode tree, List<JsonMappingException.Reference> path) {
        JsonNode node = tree;
        for (JsonMappingException.Reference ref : path) {
            node = node == null ? null : ref.getFieldName() != null ? node.get(ref.getFieldName()) : node.get(ref.getIndex());
        }
        return node;
    }

    /** A Jackson path as a learner would write it: {@code data.paragraphs[0].text}. */
    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /** What a value of this declared type looks like, in words. */
    private static String describe(Type type) {
        if (type == long.class || type == int.class || type == Long.class || type == Integer.class) {
            return "a whole number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type instanceof Class<?> c && c.isEnum()) {
            List<String> names = Arrays.stream(c.getEnumConstants())
                    .map(k -> ((Enum<?>) k).name().toLowerCase(Locale.ROOT)).toList();
            return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
        }
        if (type instanceof Class<?> c && c.isRecord()) {
            return article(c) + " (an object with the fields " + fieldList(c) + ")";
        }
        if (type instanceof ParameterizedType list && List.class.equals(list.getRawType())
                && list.getActualTypeArguments()[0] instanceof Class<?> element) {
            return "a list of " + element.getSimpleName().toLowerCase(Locale.ROOT) + "s";
        }
        return type.getTypeName();
    }

    /** What a JSON value is, in words, quoting short scalars. */
    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "the string " + abbreviate(node.toString());
            case NUMBER -> "the number " + abbreviate(node.toString());
            case BOOLEAN -> "the value " + node;
            case NULL -> "null";
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static boolean outOfRange(Type expected, JsonNode got) {
        return got.isIntegralNumber() && ((expected == long.class && !got.canConvertToLong())
                || (expected == int.class && !got.canConvertToInt()));
    }

    private static String article(Class<?> type) {
        String name = type.getSimpleName().toLowerCase(Locale.ROOT);
        return ("aeiou".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
    }

    /** {@code key, resource, action and data}. */
    private static String fieldList(Class<?> record) {
        List<String> names = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
        return names.size() == 1 ? names.getFirst()
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    /** The column Jackson reports, counting from 1 within the line; 0 when it reports none. */
    private static int column(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null || at.getColumnNr() < 1 ? 0 : at.getColumnNr();
    }
}
