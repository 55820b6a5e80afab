package course.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The path and glob resolution behind {@code %classpath}; the magics themselves run in CourseKernelTest. */
class MagicsTest {
    @TempDir
    Path dir;

    @Test
    void aGlobMatchesOnlyAtItsOwnDepth() throws Exception {
        Path top = Files.createFile(dir.resolve("a.jar"));
        Files.createFile(Files.createDirectories(dir.resolve("sub")).resolve("b.jar"));
        Files.createFile(dir.resolve("c.txt"));
        assertEquals(List.of(top), Magics.resolve(dir + "/*.jar"));
    }

    @Test
    void aDoubleStarGlobCrossesFolders() throws Exception {
        Path top = Files.createFile(dir.resolve("a.jar"));
        Path nested = Files.createFile(Files.createDirectories(dir.resolve("sub")).resolve("b.jar"));
        assertEquals(List.of(top, nested), Magics.resolve(dir + "/**.jar"));
    }

    @Test
    void aPlainPathResolvesToItselfOrNothing() throws Exception {
        Path file = Files.createFile(dir.resolve("lib.jar"));
        assertEquals(List.of(file), Magics.resolve(file.toString()));
        assertEquals(List.of(), Magics.resolve(dir.resolve("missing.jar").toString()));
    }

    @Test
    void aRelativeGlobIsResolvedFromTheWorkingFolder() {
        List<Path> found = Magics.resolve("src/test/java/course/kernel/Magics*.java");
        assertEquals(List.of(Path.of("src/test/java/course/kernel/MagicsTest.java")), found);
    }
}
