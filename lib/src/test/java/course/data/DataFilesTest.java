package course.data;

import com.fasterxml.jackson.core.type.TypeReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/** Writing and reading data files, and the exact error each kind of malformed file gives. */
class DataFilesTest {
    record Point(double x, double y) {
    }

    enum Colour { RED, GREEN }

    /** One field of each kind the reader checks. */
    record Sample(String name, int count, long total, double ratio, boolean on, Colour colour, List<String> tags,
                  Map<String, Object> extra) {
    }

    /** A valid {@link Sample}, one field a line: line 2 is {@code name}, line 9 is {@code extra}, line 10 closes it. */
    static final String SAMPLE = """
            {
              "name": "a",
              "count": 1,
              "total": 2,
              "ratio": 0.5,
              "on": true,
              "colour": "RED",
              "tags": ["x"],
              "extra": {"k": null}
            }
            """;

    @TempDir
    Path dir;

    /** A table row: the file, the line and field (null when none) the message names, and what else it says. */
    static Arguments bad(String name, String json, int line, String field, String... says) {
        return argumentSet(name, json, line, field, List.of(says));
    }

    static String sampleWith(String from, String to) {
        return BadInput.with(SAMPLE, from, to);
    }

    static Stream<Arguments> malformedSamples() {
        return Stream.of(
                // trailing content and repeated fields (Jackson's own checks)
                bad("two documents", SAMPLE + "{\"name\": \"b\"}\n", 11, null,
                        "expected the end of the file after the first JSON value"),
                bad("stray text after the document", SAMPLE + "x\n", 11, null, "Unrecognized token 'x'"),
                bad("a repeated field", sampleWith("\"count\": 1,", "\"count\": 1,\n  \"count\": 2,"), 4, null,
                        "field 'count' appears twice in one object"),
                bad("a repeated field in a nested object", sampleWith("{\"k\": null}", "{\"k\": 1, \"k\": 2}"), 9, "extra",
                        "field 'k' appears twice in one object"),
                // whole numbers
                bad("a fraction for an int", sampleWith("\"count\": 1", "\"count\": 1.5"), 3, "count",
                        "expected a whole number", "found the number 1.5"),
                bad("1.0 for an int", sampleWith("\"count\": 1", "\"count\": 1.0"), 3, "count",
                        "expected a whole number", "found the number 1.0"),
                bad("text for an int", sampleWith("\"count\": 1", "\"count\": \"12\""), 3, "count",
                        "expected a whole number", "found the text \"12\""),
                bad("an int out of range", sampleWith("\"count\": 1", "\"count\": 3000000000"), 3, "count",
                        "expected a whole number from -2147483648 to 2147483647", "found the number 3000000000"),
                bad("true for an int", sampleWith("\"count\": 1", "\"count\": true"), 3, "count",
                        "expected a whole number", "found true"),
                bad("null for an int", sampleWith("\"count\": 1", "\"count\": null"), 3, "count",
                        "expected a whole number", "found null"),
                bad("a missing int", sampleWith("  \"count\": 1,\n", ""), 9, "count",
                        "expected a whole number", "found nothing: the field is missing"),
                bad("a fraction for a long", sampleWith("\"total\": 2", "\"total\": 2.5"), 4, "total",
                        "expected a whole number", "found the number 2.5"),
                // text
                bad("a number for text", sampleWith("\"name\": \"a\"", "\"name\": 12"), 2, "name",
                        "expected text", "found the number 12"),
                bad("a boolean for text", sampleWith("\"name\": \"a\"", "\"name\": true"), 2, "name",
                        "expected text", "found true"),
                bad("an object for text", sampleWith("\"name\": \"a\"", "\"name\": {}"), 2, "name",
                        "expected text", "found an object"),
                // finite numbers
                bad("a number beyond the range of a double", sampleWith("\"ratio\": 0.5", "\"ratio\": 1e400"), 5, "ratio",
                        "expected a finite number", "found the number 1E+400"),
                bad("NaN for a double", sampleWith("\"ratio\": 0.5", "\"ratio\": \"NaN\""), 5, "ratio",
                        "expected a finite number", "found the text \"NaN\""),
                bad("Infinity for a double", sampleWith("\"ratio\": 0.5", "\"ratio\": \"-Infinity\""), 5, "ratio",
                        "expected a finite number", "found the text \"-Infinity\""),
                bad("text for a double", sampleWith("\"ratio\": 0.5", "\"ratio\": \"0.5\""), 5, "ratio",
                        "expected a finite number", "found the text \"0.5\""),
                // booleans and enums
                bad("a number for a boolean", sampleWith("\"on\": true", "\"on\": 1"), 6, "on",
                        "expected true or false", "found the number 1"),
                bad("text for a boolean", sampleWith("\"on\": true", "\"on\": \"true\""), 6, "on",
                        "expected true or false", "found the text \"true\""),
                bad("a number for an enum", sampleWith("\"colour\": \"RED\"", "\"colour\": 0"), 7, "colour",
                        "expected one of \"RED\", \"GREEN\"", "found the number 0"),
                bad("an unknown enum value", sampleWith("\"colour\": \"RED\"", "\"colour\": \"BLUE\""), 7, "colour",
                        "expected one of \"RED\", \"GREEN\"", "found the text \"BLUE\""),
                // lists and maps
                bad("a missing list", sampleWith("  \"tags\": [\"x\"],\n", ""), 9, "tags",
                        "expected a list (a JSON array)", "found nothing: the field is missing"),
                bad("a null list", sampleWith("\"tags\": [\"x\"]", "\"tags\": null"), 8, "tags",
                        "expected a list (a JSON array)", "found null"),
                bad("text for a list", sampleWith("\"tags\": [\"x\"]", "\"tags\": \"x\""), 8, "tags",
                        "expected a list (a JSON array)", "found the text \"x\""),
                bad("a null in a list", sampleWith("\"tags\": [\"x\"]", "\"tags\": [null]"), 8, "tags[0]",
                        "expected text", "found null"),
                bad("a number in a list of text", sampleWith("\"tags\": [\"x\"]", "\"tags\": [\"x\", 1]"), 8, "tags[1]",
                        "expected text", "found the number 1"),
                bad("a missing map", sampleWith(",\n  \"extra\": {\"k\": null}", ""), 9, "extra",
                        "expected an object (a JSON object)", "found nothing: the field is missing"),
                bad("a list for a map", sampleWith("{\"k\": null}", "[]"), 9, "extra",
                        "expected an object (a JSON object)", "found a list"),
                // the object itself
                bad("an unknown field", sampleWith("\"name\": \"a\",", "\"name\": \"a\",\n  \"size\": 3,"), 3, "size",
                        "unknown field", "expected one of \"name\", \"count\""),
                bad("a list instead of the object", "[1, 2]\n", 1, null,
                        "expected an object (a JSON object)", "found a list"),
                bad("a missing comma", sampleWith("\"count\": 1,", "\"count\": 1"), 4, null,
                        "was expecting comma"));
    }

    @ParameterizedTest
    @MethodSource("malformedSamples")
    void aMalformedFileNamesTheFileLineFieldAndWhatWasExpected(String json, int line, String field, List<String> says)
            throws IOException {
        assertReadFails(dir.resolve("sample.json"), json, Sample.class, line, field, says);
    }

    /** Writes {@code json} to {@code file} and checks that reading it as {@code type} fails as a table row says. */
    static void assertReadFails(Path file, String json, Class<?> type, int line, String field, List<String> says)
            throws IOException {
        Files.writeString(file, json);
        DataFileException e = assertThrows(DataFileException.class, () -> DataFiles.read(file, type));
        assertEquals(file, e.file());
        assertEquals(line, e.line());
        assertEquals(field, e.field());
        BadInput.assertNames(e.getMessage(), "data file " + file + " at line " + line + ", column ", field, says);
    }

    @Test
    void theErrorGivesItsPartsSeparately() throws IOException {
        Path file = dir.resolve("sample.json");
        Files.writeString(file, sampleWith("\"tags\": [\"x\"]", "\"tags\": [\"x\", 1]"));
        DataFileException e = assertThrows(DataFileException.class, () -> DataFiles.read(file, Sample.class));
        assertEquals(8, e.line());
        assertEquals(17, e.column());
        assertEquals("tags[1]", e.field());
        assertEquals("expected text (a JSON string), found the number 1", e.problem());
        assertEquals("job file " + file + " at line 8, column 17, field 'tags[1]': " + e.problem(),
                e.describe("job file"));
    }

    /** Files that are not malformed JSON but hold no value, or do not exist. */
    static Stream<Arguments> emptyOrMissing() {
        return Stream.of(
                bad("an empty file", "", 0, null, "is empty: expected a JSON value"),
                bad("only white space", " \n\n ", 0, null, "is empty: expected a JSON value"),
                bad("only null", "null\n", 0, null, "holds only null: expected a value"),
                bad("a missing file", null, 0, null, "does not exist"));
    }

    @ParameterizedTest
    @MethodSource("emptyOrMissing")
    void anEmptyOrMissingFileSaysSo(String json, int line, String field, List<String> says) throws IOException {
        Path file = dir.resolve("sample.json");
        if (json != null) {
            Files.writeString(file, json);
        }
        DataFileException e = assertThrows(DataFileException.class, () -> DataFiles.read(file, Sample.class));
        assertTrue(e.getMessage().startsWith("data file " + file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(says.getFirst()), e.getMessage());
        assertEquals(file, e.file());
        assertEquals(0, e.line());
        assertNull(e.field());
    }

    /** A record whose constructor checks what its types cannot. */
    record Range(int low, int high) {
        Range {
            if (high < low) {
                throw new IllegalArgumentException("high: expected at least low (" + low + "), found " + high);
            }
            if (low < 0) {
                throw new IllegalArgumentException("a range starts at 0 or later");
            }
        }
    }

    @Test
    void aConstructorsComplaintNamesAndPointsAtTheFieldItStartsWith() throws IOException {
        Path file = dir.resolve("ranges.json");
        Files.writeString(file, "[\n  {\"low\": 1, \"high\": 2},\n  {\"low\": 5,\n   \"high\": 3}\n]\n");
        DataFileException e = assertThrows(DataFileException.class,
                () -> DataFiles.read(file, new TypeReference<List<Range>>() { }));
        assertEquals("data file " + file + " at line 4, column 4, field '[1].high': expected at least low (5), found 3",
                e.getMessage());
        Files.writeString(file, "[\n  {\"low\": -1,\n   \"high\": 3}\n]\n");
        e = assertThrows(DataFileException.class, () -> DataFiles.read(file, new TypeReference<List<Range>>() { }));
        assertEquals("data file " + file + " at line 3, column 13, field '[0]': a range starts at 0 or later",
                e.getMessage(), "a complaint that names no field points at the end of its object");
    }

    record WelcomeJob(int id, double seconds) {
    }

    record WelcomeBatch(String description, String unit, List<WelcomeJob> jobs) {
    }

    /** Chapter 0 reads this file with these two records. */
    @Test
    void theWelcomeFileReadsAsChapterZeroReadsIt() {
        WelcomeBatch batch = DataFiles.read(course.Course.data("welcome/five-jobs.json"), WelcomeBatch.class);
        assertEquals(5, batch.jobs().size());
        assertEquals(1.0, batch.jobs().getFirst().seconds());
    }

    /** Every kind of fraction the reader checks for finiteness. */
    record Fractions(double d, Double boxed, float f, Float boxedF, double[] many) {
    }

    @Test
    void everyKindOfFractionTakesAWholeNumberAndRejectsWhatIsNotFinite() throws IOException {
        Path file = dir.resolve("fractions.json");
        Files.writeString(file, "{\"d\": 1, \"boxed\": 2, \"f\": 3, \"boxedF\": null, \"many\": [5, 6.5]}\n");
        Fractions read = DataFiles.read(file, Fractions.class);
        assertEquals(1.0, read.d());
        assertEquals(2.0, read.boxed());
        assertEquals(3.0f, read.f());
        assertNull(read.boxedF(), "a boxed fraction may be null");
        assertEquals(List.of(5.0, 6.5), Arrays.stream(read.many()).boxed().toList());
    }

    static Stream<Arguments> notFiniteFractions() {
        String good = "{\"d\": 1, \"boxed\": 2, \"f\": 3, \"boxedF\": 4, \"many\": [5]}";
        return Stream.of(
                bad("null for a double", good.replace("\"d\": 1", "\"d\": null"), 1, "d",
                        "expected a finite number", "found null"),
                bad("a boxed double beyond range", good.replace("\"boxed\": 2", "\"boxed\": 1e400"), 1, "boxed",
                        "expected a finite number", "found the number 1E+400"),
                bad("a float beyond range", good.replace("\"f\": 3", "\"f\": 1e39"), 1, "f",
                        "expected a finite number", "found the number 1E+39"),
                bad("NaN for a boxed float", good.replace("\"boxedF\": 4", "\"boxedF\": \"NaN\""), 1, "boxedF",
                        "expected a finite number", "found the text \"NaN\""),
                bad("an element of a double[] beyond range", good.replace("[5]", "[5, 1e400]"), 1, "many[1]",
                        "expected a finite number", "found the number 1E+400"));
    }

    @ParameterizedTest
    @MethodSource("notFiniteFractions")
    void aFractionThatIsNotFiniteNamesItsField(String json, int line, String field, List<String> says)
            throws IOException {
        assertReadFails(dir.resolve("fractions.json"), json + "\n", Fractions.class, line, field, says);
    }

    @Test
    void aWrittenValueReadsBackEqual() {
        Path file = dir.resolve("nested/points.json");
        List<Point> points = List.of(new Point(1, 2), new Point(3, 4));
        DataFiles.write(file, points);
        assertEquals(points, DataFiles.read(file, new TypeReference<List<Point>>() { }));
    }

    @Test
    void theSampleReadsAsWritten() throws IOException {
        Path file = dir.resolve("sample.json");
        Files.writeString(file, SAMPLE);
        Sample s = DataFiles.read(file, Sample.class);
        assertEquals(new Sample("a", 1, 2, 0.5, true, Colour.RED, List.of("x"), s.extra()), s);
        assertTrue(s.extra().containsKey("k"), "a null value in a map is kept");
    }

    @Test
    void aWholeNumberIsAFineDoubleAndAnEmptyListAFineList() throws IOException {
        Path file = dir.resolve("sample.json");
        Files.writeString(file, sampleWith("\"ratio\": 0.5", "\"ratio\": 2").replace("[\"x\"]", "[]"));
        Sample s = DataFiles.read(file, Sample.class);
        assertEquals(2.0, s.ratio());
        assertEquals(List.of(), s.tags());
    }

    @Test
    void aTreeIsReadWithTheSameChecksForTrailingContentAndRepeatedFields() throws IOException {
        Path twice = dir.resolve("twice.json");
        Files.writeString(twice, "{\"a\": 1}\n{\"a\": 2}\n");
        assertTrue(assertThrows(DataFileException.class, () -> DataFiles.readTree(twice)).getMessage()
                .contains("at line 2"));
        Path repeated = dir.resolve("repeated.json");
        Files.writeString(repeated, "{\"a\": 1, \"a\": 2}");
        assertTrue(assertThrows(DataFileException.class, () -> DataFiles.readTree(repeated)).getMessage()
                .contains("field 'a' appears twice"));
    }

    /** Every loader reads through {@link DataFiles}: no other class of the library builds its own JSON mapper. */
    @Test
    void noOtherClassBuildsItsOwnMapper() throws IOException {
        Path sources = Path.of("src/main/java");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (f.getParent().endsWith(Path.of("course", "data"))) {
                    continue;
                }
                String text = Files.readString(f);
                for (String maker : Arrays.asList("new ObjectMapper(", "JsonMapper.builder(", "new JsonMapper(",
                        "new JsonFactory(", "JsonFactory.builder(")) {
                    if (text.contains(maker)) {
                        offenders.add(sources.relativize(f) + " (" + maker + ")");
                    }
                }
            }
        }
        assertEquals(List.of(), offenders);
    }
}
