package course.data;

import com.fasterxml.jackson.core.type.TypeReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataFilesTest {
    record Point(double x, double y) {
    }

    @TempDir
    Path dir;

    @Test
    void aWrittenValueReadsBackEqual() {
        Path file = dir.resolve("nested/points.json");
        List<Point> points = List.of(new Point(1, 2), new Point(3, 4));
        DataFiles.write(file, points);
        assertEquals(points, DataFiles.read(file, new TypeReference<List<Point>>() { }));
    }

    @Test
    void malformedJsonNamesTheFileLineAndColumn() throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\n  \"x\": 1\n  \"y\": 2\n}");
        DataFileException e = assertThrows(DataFileException.class, () -> DataFiles.read(file, Point.class));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertEquals(file, e.file());
    }

    @Test
    void anUnknownFieldIsRejectedByName() throws Exception {
        Path file = dir.resolve("extra.json");
        Files.writeString(file, "{\"x\": 1, \"y\": 2, \"z\": 3}");
        DataFileException e = assertThrows(DataFileException.class, () -> DataFiles.read(file, Point.class));
        assertTrue(e.getMessage().contains("\"z\""), e.getMessage());
    }

    @Test
    void aMissingFileSaysItDoesNotExist() {
        DataFileException e = assertThrows(DataFileException.class, () -> DataFiles.readTree(dir.resolve("nope.json")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void anEmptyFileIsAnError() throws Exception {
        Path file = dir.resolve("empty.json");
        Files.writeString(file, "null");
        assertThrows(DataFileException.class, () -> DataFiles.read(file, Point.class));
    }
}
