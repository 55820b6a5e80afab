package course.results;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The committed sample results (a real JMH 1.37 output from the course's suite), for the tests. */
final class Samples {
    private Samples() {
    }

    /** Copies {@code sample-jmh.json} into {@code dir} under {@code name} and returns the copy. */
    static Path copy(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = Samples.class.getResourceAsStream("sample-jmh.json")) {
            Files.copy(in, file);
        }
        return file;
    }
}
