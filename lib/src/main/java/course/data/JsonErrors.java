package course.data;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@link DataFileException} for a file Jackson could not read, worded for a learner who edits
 * data files by hand: where (line, column, field as a path), what was expected, what was found.
 * Jackson's own messages name Java types and offsets; this class turns them into the words of
 * {@link DataFiles}' manual, and finds the line of a field Jackson reports at the object's end.
 */
final class JsonErrors {
    /** A record constructor's complaint that starts with the field it is about: {@code "cores: expected ..."}. */
    private static final Pattern FIELD_FIRST =
            Pattern.compile("((?:[A-Za-z_]\\w*|\\[\\d+])(?:\\.[A-Za-z_]\\w*|\\[\\d+])*): (.*)", Pattern.DOTALL);
    /** One step of such a field's path: a name, or an index in brackets. */
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z_]\\w*)|\\[(\\d+)]");
    /** How the parser words a repeated field; it gives no path, so the name is taken from the message. */
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");

    private JsonErrors() {
    }

    /** The exception for a file Jackson could not read: where, which field, expected what, found what. */
    static DataFileException malformed(Path file, byte[] bytes, JsonProcessingException e) {
        List<JsonMappingException.Reference> refs = e instanceof JsonMappingException m ? m.getPath() : List.of();
        String field = path(refs);
        JsonPointer pointer = pointer(refs);
        String problem = problem(e, bytes, refs);
        JsonLocation at = e.getLocation();
        if (e instanceof UnrecognizedPropertyException) {
            at = fieldLocation(bytes, pointer, at);
        } else if (e instanceof ValueInstantiationException) {
            Matcher named = FIELD_FIRST.matcher(problem);
            if (named.matches()) {
                Matcher segment = SEGMENT.matcher(named.group(1));
                while (segment.find()) {
                    pointer = segment.group(1) != null ? pointer.appendProperty(segment.group(1))
                            : pointer.appendIndex(Integer.parseInt(segment.group(2)));
                }
                field = field.isEmpty() ? named.group(1)
                        : field + (named.group(1).startsWith("[") ? "" : ".") + named.group(1);
                problem = named.group(2);
                at = fieldLocation(bytes, pointer, at);
            }
        }
        return new DataFileException(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                field, problem, e);
    }

    /** The JSON pointer {@code /jobs/0/id} for the references {@code jobs}, {@code 0}, {@code id}. */
    private static JsonPointer pointer(List<JsonMappingException.Reference> refs) {
        JsonPointer pointer = JsonPointer.empty();
        for (JsonMappingException.Reference r : refs) {
            pointer = r.getFieldName() != null ? pointer.appendProperty(r.getFieldName())
                    : r.getIndex() >= 0 ? pointer.appendIndex(r.getIndex()) : pointer;
        }
        return pointer;
    }

    /** {@code jobs[0].id} for the references {@code jobs}, {@code 0}, {@code id}. */
    private static String path(List<JsonMappingException.Reference> path) {
        StringBuilder s = new StringBuilder();
        for (JsonMappingException.Reference r : path) {
            if (r.getFieldName() != null) {
                s.append(s.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                s.append('[').append(r.getIndex()).append(']');
            }
        }
        return s.toString();
    }

    private static String problem(JsonProcessingException e, byte[] bytes, List<JsonMappingException.Reference> path) {
        String original = e.getOriginalMessage();
        Matcher duplicate = DUPLICATE.matcher(original == null ? "" : original);
        if (duplicate.matches()) {
            return "field '" + duplicate.group(1) + "' appears twice in one object; expected each field once";
        }
        if (e instanceof ValueInstantiationException v) {
            Throwable cause = v.getCause();
            return cause != null && cause.getMessage() != null ? cause.getMessage() : original;
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field; expected one of " + knownFields(u).stream()
                    .map(id -> "\"" + id + "\"").collect(Collectors.joining(", "));
        }
        if (e instanceof MismatchedInputException m && original != null && original.startsWith("Trailing token")) {
            return "expected the end of the file after the first JSON value, found more (a second value, or stray text)";
        }
        String wanted = expected(targetType(e));
        String expected = original != null && original.startsWith("expected ") ? original
                : wanted == null ? null : "expected " + wanted;
        if (expected == null) {
            return original;
        }
        String found = found(bytes, path);
        return found == null ? expected + " (" + original + ")" : expected + ", found " + found;
    }

    /** The fields the type has: a record's in the order it declares them, any others after them sorted. */
    private static List<String> knownFields(UnrecognizedPropertyException u) {
        List<String> known = u.getKnownPropertyIds() == null ? new ArrayList<>()
                : u.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.toCollection(ArrayList::new));
        List<String> ordered = new ArrayList<>();
        Class<?> type = u.getReferringClass();
        if (type != null && type.isRecord()) {
            for (var component : type.getRecordComponents()) {
                if (known.remove(component.getName())) {
                    ordered.add(component.getName());
                }
            }
        }
        ordered.addAll(known);
        return ordered;
    }

    /**
     * Where the field at {@code target} is named in the file, or {@code fallback} when it is not
     * there. Jackson reports an unknown field of a record, and a record's complaint about a field,
     * at the end of the object, so the reader looks for the field itself.
     */
    private static JsonLocation fieldLocation(byte[] bytes, JsonPointer target, JsonLocation fallback) {
        try (JsonParser p = StrictJson.MAPPER.createParser(bytes)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME && p.getParsingContext().pathAsPointer().equals(target)) {
                    return p.currentTokenLocation();
                }
            }
        } catch (IOException e) {
            // the file breaks later on: keep Jackson's place
        }
        return fallback;
    }

    /** The type the reader wanted where it failed, when Jackson says. */
    private static Class<?> targetType(JsonProcessingException e) {
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return m.getTargetType();
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof InputCoercionException i && i.getTargetType() != null) {
                return i.getTargetType();
            }
        }
        return null;
    }

    /** A type in words: "a whole number from ... to ...", "text (a JSON string)", "one of "A", "B"". */
    private static String expected(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (type == int.class || type == Integer.class) {
            return "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (type == long.class || type == Long.class) {
            return "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        if (type == short.class || type == Short.class) {
            return "a whole number from " + Short.MIN_VALUE + " to " + Short.MAX_VALUE;
        }
        if (type == byte.class || type == Byte.class) {
            return "a whole number from " + Byte.MIN_VALUE + " to " + Byte.MAX_VALUE;
        }
        if (type == BigInteger.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return StrictJson.FINITE.substring("expected ".length());
        }
        if (type == BigDecimal.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class || CharSequence.class.isAssignableFrom(type) || type == char.class
                || type == Character.class) {
            return "text (a JSON string)";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(JsonErrors::jsonName)
                    .collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list (a JSON array)";
        }
        if (type == Object.class || JsonNode.class.isAssignableFrom(type)) {
            return "a JSON value";
        }
        return "an object (a JSON object)";
    }

    /** An enum constant as JSON writes it (its {@code @JsonProperty} name, if it has one), quoted. */
    private static String jsonName(Object constant) {
        try {
            return StrictJson.MAPPER.writeValueAsString(constant);
        } catch (JsonProcessingException e) {
            return "\"" + constant + "\"";
        }
    }

    /** What the file holds at {@code path}, in words; null when the file cannot be read as a tree. */
    private static String found(byte[] bytes, List<JsonMappingException.Reference> path) {
        JsonNode node;
        try {
            node = StrictJson.MAPPER.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).readTree(bytes);
        } catch (IOException e) {
            return null;
        }
        for (JsonMappingException.Reference r : path) {
            if (node == null) {
                return null;
            }
            node = r.getFieldName() != null ? (node.isObject() ? node.get(r.getFieldName()) : null)
                    : r.getIndex() >= 0 && node.isArray() ? node.get(r.getIndex()) : node;
        }
        if (node == null) {
            return "nothing: the field is missing";
        }
        return switch (node.getNodeType()) {
            case NULL -> "null";
            case BOOLEAN -> node.asText();
            case NUMBER -> "the number " + node.asText();
            case STRING -> "the text \"" + shorten(node.asText()) + "\"";
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            default -> node.getNodeType().toString().toLowerCase(Locale.ROOT);
        };
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }}
