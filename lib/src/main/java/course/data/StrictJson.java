package course.data;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * The one strictly configured Jackson mapper that {@link DataFiles} reads and writes with, and
 * the number readers that keep it strict: every rule of "what a file must be" in
 * {@link DataFiles}' manual is set here, and nowhere else.
 */
final class StrictJson {
    /** The shared mapper: strict on reading, indented on writing. Thread-safe once configured; never reconfigured. */
    static final ObjectMapper MAPPER = strictMapper();

    private StrictJson() {
    }

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

    /** What {@link Finite} says, before the reader adds what it found. */
    static final String FINITE = "expected a finite number";

    /** Doubles and floats that reject what would read as NaN or an infinity. */
    private static SimpleModule finiteNumbers() {
        SimpleModule module = new SimpleModule("course-finite-numbers");
        module.addDeserializer(double.class, finite(new NumberDeserializers.DoubleDeserializer(Double.TYPE, 0.0)));
        module.addDeserializer(Double.class, finite(new NumberDeserializers.DoubleDeserializer(Double.class, null)));
        module.addDeserializer(float.class, finite(new NumberDeserializers.FloatDeserializer(Float.TYPE, 0.0f)));
        module.addDeserializer(Float.class, finite(new NumberDeserializers.FloatDeserializer(Float.class, null)));
        module.addDeserializer(double[].class, new FiniteDoubles());
        return module;
    }

    /** Jackson's own reader of a number, with {@link Finite}'s check after it. */
    @SuppressWarnings("unchecked")
    private static <N extends Number> JsonDeserializer<N> finite(JsonDeserializer<N> jacksons) {
        return (JsonDeserializer<N>) (JsonDeserializer<?>) new Finite(jacksons);
    }

    /**
     * Jackson's double or float reader (its nulls, coercions and messages included), but a number
     * too large for the type, or "NaN", is an error.
     */
    private static final class Finite extends DelegatingDeserializer {
        Finite(JsonDeserializer<?> jacksons) {
            super(jacksons);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> jacksons) {
            return new Finite(jacksons);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Object value = super.deserialize(p, ctxt);
            if (value instanceof Number n && !Double.isFinite(n.doubleValue())) {
                ctxt.reportInputMismatch(this, FINITE);
            }
            return value;
        }
    }

    /** A {@code double[]} whose elements are read as finite doubles. */
    private static final class FiniteDoubles extends StdDeserializer<double[]> {
        private static final JsonDeserializer<Double> ELEMENT =
                finite(new NumberDeserializers.DoubleDeserializer(Double.TYPE, 0.0));

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
}
