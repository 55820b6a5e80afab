package course.data;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads and writes the course's JSON data files with Jackson, through one strictly configured
 * mapper that every loader of the library shares.
 *
 * <p><b>What a file must be.</b> Exactly one JSON value (nothing after it but white space), no
 * field twice in one object, no field the type does not have. Values are never converted:
 * <ul>
 *   <li>an {@code int} or {@code long} takes a whole JSON number in its range, not {@code 1.5},
 *       not {@code 1.0}, not {@code "12"};</li>
 *   <li>a {@code double} or {@code float} takes a JSON number that is finite once read (not
 *       {@code 1e400}, not {@code "NaN"} or {@code "Infinity"}); a whole number is fine;</li>
 *   <li>a {@code String} takes a JSON string, not a number or a boolean; a {@code boolean} takes
 *       {@code true} or {@code false}; an enum takes one of its names, not its position;</li>
 *   <li>a list, set or map must be present and not null (a record declares a field it may omit
 *       with {@code @JsonSetter(nulls = Nulls.AS_EMPTY)}), and a list holds no null;</li>
 *   <li>a primitive must be present and not null; any other field (text, a boxed number, an
 *       object) that is missing or null reaches the record as null, for its constructor to check.</li>
 * </ul>
 *
 * <p><b>Errors.</b> Each problem raises a {@link DataFileException} whose message names the
 * file, the line and column, the field as a path, what was expected and what was found, so a
 * learner who edits a data file by hand can find the mistake:
 * <pre>{@code
 * data file points.json at line 3, column 8, field '[1].x': expected a finite number, found the text "1.5"
 * }</pre>
 * A record's constructor checks what the types cannot; when its message starts with the name of
 * the field it rejects and a colon ({@code "cores: expected at least 1 core, found 0"}), the
 * error names that field and points at its line.
 *
 * <pre>{@code
 * record Point(double x, double y) {}
 * List<Point> points = DataFiles.read(Course.data("welcome/points.json"), new TypeReference<>() {});
 * }</pre>
 */
public final class DataFiles {
    /** The shared mapper: strict on reading, indented on writing. Thread-safe once configured; never reconfigured. */
    private static final ObjectMapper MAPPER = strictMapper();

    /** A record constructor's complaint that starts with the field it is about: {@code "cores: expected ..."}. */
    private static final Pattern FIELD_FIRST =
            Pattern.compile("((?:[A-Za-z_]\\w*|\\[\\d+])(?:\\.[A-Za-z_]\\w*|\\[\\d+])*): (.*)", Pattern.DOTALL);
    /** One step of such a field's path: a name, or an index in brackets. */
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z_]\\w*)|\\[(\\d+)]");
    /** How the parser words a repeated field; it gives no path, so the name is taken from the message. */
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");

    private DataFiles() {
    }

    /**
     * The course's configured mapper, for code that needs Jackson directly (an event log reads
     * one JSON value a line with it). Do not reconfigure it: every loader shares it.
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Reads {@code file} as an instance of {@code type}. @throws DataFileException naming the file, line and field */
    public static <T> T read(Path file, Class<T> type) {
        Objects.requireNonNull(type, "type");
        return read(file, MAPPER.getTypeFactory().constructType(type));
    }

    /**
     * Reads {@code file} as the generic type named by {@code type}, for example a list of records.
     *
     * @throws DataFileException naming the file, line and field
     */
    public static <T> T read(Path file, TypeReference<T> type) {
        Objects.requireNonNull(type, "type");
        return read(file, MAPPER.getTypeFactory().constructType(type));
    }

    /**
     * Reads {@code file} as a JSON tree, for files whose shape varies. The file must still hold
     * one value with no field twice; numbers are kept as written (a tree cannot know which must
     * be finite).
     *
     * @throws DataFileException naming the file and line
     */
    public static JsonNode readTree(Path file) {
        return read(file, MAPPER.getTypeFactory().constructType(JsonNode.class));
    }

    /** Writes {@code value} to {@code file} as indented JSON, creating parent folders. */
    public static void write(Path file, Object value) {
        Objects.requireNonNull(file, "file");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            MAPPER.writeValue(file.toFile(), value);
        } catch (IOException e) {
            throw new DataFileException(file, "cannot write it: " + e.getMessage(), e);
        }
    }

    private static <T> T read(Path file, JavaType type) {
        Objects.requireNonNull(file, "file");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, "the file does not exist", e);
        } catch (IOException e) {
            throw new DataFileException(file, "cannot read it: " + e.getMessage(), e);
        }
        if (new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).isBlank()) {
            throw new DataFileException(file, "the file is empty: expected a JSON value", null);
        }
        T value;
        try {
            value = MAPPER.readValue(bytes, type);
        } catch (JsonProcessingException e) {
            throw malformed(file, bytes, e);
        } catch (IOException e) {
            throw new DataFileException(file, "cannot read it: " + e.getMessage(), e);
        }
        if (value == null || value instanceof NullNode) {
            throw new DataFileException(file, "the file holds only null: expected a value", null);
        }
        return value;
    }

    // ---- the mapper -------------------------------------------------------------------------

    private static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                // one value a file, each field once
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // no conversions between kinds of value
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .addModule(finiteNumbers())
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build();
        mapper.coercionConfigDefaults()
                .setAcceptBlankAsEmpty(false)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyObject, CoercionAction.Fail);
        // the one conversion that loses nothing: a whole number where a fraction may stand
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
        // a list must be there, and hold no null; a map must be there (its values may be null, as JSON's may)
        JsonSetter.Value noNulls = JsonSetter.Value.construct(Nulls.FAIL, Nulls.FAIL);
        for (Class<?> list : List.of(Collection.class, List.class, Set.class, SortedSet.class)) {
            mapper.configOverride(list).setSetterInfo(noNulls);
        }
        for (Class<?> map : List.of(Map.class, SortedMap.class)) {
            mapper.configOverride(map).setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.FAIL));
        }
        return mapper;
    }

    /** What {@link FiniteDouble} and friends say, before the reader adds what it found. */
    private static final String FINITE = "expected a finite number";

    /** Doubles and floats that reject what would read as NaN or an infinity. */
    private static SimpleModule finiteNumbers() {
        SimpleModule module = new SimpleModule("course-finite-numbers");
        module.addDeserializer(double.class, new FiniteDouble(Double.TYPE, 0.0));
        module.addDeserializer(Double.class, new FiniteDouble(Double.class, null));
        module.addDeserializer(float.class, new FiniteFloat(Float.TYPE, 0.0f));
        module.addDeserializer(Float.class, new FiniteFloat(Float.class, null));
        module.addDeserializer(double[].class, new FiniteDoubles());
        return module;
    }

    /** {@code value}, unless it is NaN or an infinity: then the mismatch that {@code by} reports. */
    private static <N extends Number> N finite(N value, JsonDeserializer<?> by, DeserializationContext ctxt)
            throws IOException {
        if (value != null && !Double.isFinite(value.doubleValue())) {
            ctxt.reportInputMismatch(by, FINITE);
        }
        return value;
    }

    /** Jackson's double, but a number too large for a double, or "NaN", is an error. */
    private static final class FiniteDouble extends NumberDeserializers.DoubleDeserializer {
        FiniteDouble(Class<Double> type, Double nullValue) {
            super(type, nullValue);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return finite(super.deserialize(p, ctxt), this, ctxt);
        }
    }

    /** Jackson's float, but a number too large for a float, or "NaN", is an error. */
    private static final class FiniteFloat extends NumberDeserializers.FloatDeserializer {
        FiniteFloat(Class<Float> type, Float nullValue) {
            super(type, nullValue);
        }

        @Override
        public Float deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return finite(super.deserialize(p, ctxt), this, ctxt);
        }
    }

    /** A {@code double[]} whose elements are read as {@link FiniteDouble}s. */
    private static final class FiniteDoubles extends StdDeserializer<double[]> {
        private static final FiniteDouble ELEMENT = new FiniteDouble(Double.TYPE, 0.0);

        FiniteDoubles() {
            super(double[].class);
        }

        @Override
        public double[] deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.isExpectedStartArrayToken()) {
                return (double[]) ctxt.handleUnexpectedToken(double[].class, p);
            }
            List<Double> values = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                try {
                    values.add(ELEMENT.deserialize(p, ctxt));
                } catch (IOException e) {
                    throw JsonMappingException.wrapWithPath(e, values, values.size());
                }
            }
            return values.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    // ---- messages -----------------------------------------------------------------------------

    /** The exception for a file Jackson could not read: where, which field, expected what, found what. */
    private static DataFileException malformed(Path file, byte[] bytes, JsonProcessingException e) {
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
        try (JsonParser p = MAPPER.createParser(bytes)) {
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
            return FINITE.substring("expected ".length());
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
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(DataFiles::jsonName)
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
            return MAPPER.writeValueAsString(constant);
        } catch (JsonProcessingException e) {
            return "\"" + constant + "\"";
        }
    }

    /** What the file holds at {@code path}, in words; null when the file cannot be read as a tree. */
    private static String found(byte[] bytes, List<JsonMappingException.Reference> path) {
        JsonNode node;
        try {
            node = MAPPER.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
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
            default -> node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
