package course.kernel;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The magics in real cells, and the path and glob resolution behind {@code %classpath}. */
class MagicsTest {
    static CourseKernel kernel;

    @BeforeAll
    static void start() {
        kernel = TestKernel.get();
    }

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

    @Test
    void theTimeMagicReportsWallTime() {
        var out = new java.io.ByteArrayOutputStream();
        var old = System.out;
        System.setOut(new java.io.PrintStream(out, true));
        try {
            assertEquals(9, kernel.evalRaw("%%time\nint t = 4;\nt + 5"));
        } finally {
            System.setOut(old);
        }
        assertTrue(out.toString().contains("Wall time:"), out.toString());
    }

    @Test
    void htmlAndMarkdownMagicsShowTheirBody() {
        DisplayData html = assertInstanceOf(DisplayData.class, kernel.evalRaw("%%html\n<b>bold</b>"));
        assertEquals("<b>bold</b>", html.getData(MIMEType.TEXT_HTML));
        DisplayData markdown = assertInstanceOf(DisplayData.class, kernel.evalRaw("%%markdown\n# Title"));
        assertEquals("# Title", markdown.getData(MIMEType.TEXT_MARKDOWN));
    }

    @Test
    void classpathMagicAddsJarsAndRejectsMissingOnes() throws Exception {
        RuntimeException e = assertThrows(RuntimeException.class, () -> kernel.evalRaw("%classpath /no/such/*.jar"));
        assertEquals("MagicException", e.getClass().getSimpleName());
        assertTrue(e.getMessage().contains("nothing matches"), e.getMessage());
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("kernel-cp");
        java.nio.file.Path pkg = java.nio.file.Files.createDirectories(dir.resolve("extra"));
        java.nio.file.Files.writeString(pkg.resolve("Extra.java"), "package extra; public class Extra { public static int answer() { return 42; } }");
        var compiler = javax.tools.ToolProvider.getSystemJavaCompiler();
        assertEquals(0, compiler.run(null, null, null, "-d", dir.toString(), pkg.resolve("Extra.java").toString()));
        assertEquals(42, kernel.evalRaw("%jars " + dir + "\nextra.Extra.answer()"));
    }

    @Test
    void mavenMagicRejectsAMissingOrMalformedCoordinateByName() {
        RuntimeException none = assertThrows(RuntimeException.class, () -> kernel.evalRaw("%maven"));
        assertTrue(none.getMessage().contains("needs at least one coordinate"), none.getMessage());
        RuntimeException bad = assertThrows(RuntimeException.class, () -> kernel.evalRaw("%maven commons-lang3\n1"));
        assertEquals("MagicException", bad.getClass().getSimpleName());
        assertTrue(bad.getMessage().contains("'commons-lang3' is not a Maven coordinate"), bad.getMessage());
    }

    @Test
    void loadMagicEvaluatesAFile() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("snippets", ".jsh");
        java.nio.file.Files.writeString(file, "int loaded() { return 7; }\n");
        kernel.evalRaw("%load " + file);
        assertEquals(7, kernel.evalRaw("loaded()"));
    }

    @Test
    void anUnknownMagicGivesAClearError() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> kernel.evalRaw("%nosuch thing"));
        assertTrue(e.getMessage().contains("unknown magic %nosuch"), e.getMessage());
        assertTrue(e.getMessage().contains("%classpath"), e.getMessage());
        RuntimeException cell = assertThrows(RuntimeException.class, () -> kernel.evalRaw("%%nosuch\nx"));
        assertTrue(cell.getMessage().contains("unknown magic %%nosuch"), cell.getMessage());
    }

    @Test
    void percentInsideCodeIsNotAMagic() {
        assertEquals("7%", kernel.evalRaw("String.format(\"%d%%\", 7)"));
    }
}
