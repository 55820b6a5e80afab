package course.kernel;

import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives {@link CourseKernel} directly, without Jupyter, through every kind of cell. */
class CourseKernelTest {
    /** The one delay every timing here is scaled from. */
    static final Duration DELAY = Duration.ofMillis(300);
    /** How long an interrupt may take to stop a cell. */
    static final Duration INTERRUPT_BOUND = DELAY.multipliedBy(10);

    static CourseKernel kernel;

    @BeforeAll
    static void start() {
        kernel = new CourseKernel();
        kernel.install();
        kernel.awaitReady();
    }

    @AfterAll
    static void stop() {
        kernel.uninstall();
        kernel.close();
    }

    @Test
    void anExpressionYieldsItsLiveValue() {
        assertEquals(42, kernel.evalRaw("40 + 2"));
        assertEquals(List.of(1, 2), kernel.evalRaw("List.of(1, 2)"));
    }

    @Test
    void onlyTheLastSnippetOfACellIsShown() {
        assertEquals("b", kernel.evalRaw("var s = \"a\";\n\"x\";\ns = \"b\";\ns"));
    }

    @Test
    void aStatementOrDeclarationShowsNothing() {
        assertNull(kernel.evalRaw("int shown = 3;"));
        assertNull(kernel.evalRaw("System.out.print(\"\");"));
        assertNull(kernel.evalRaw("for (int i = 0; i < 3; i++) { shown += i; }"));
        assertEquals(6, kernel.evalRaw("shown"));
    }

    @Test
    void aTrailingSemicolonHidesTheValue() {
        assertNull(kernel.evalRaw("40 + 2;"));
        assertNull(kernel.evalRaw("List.of(1, 2);  "));
        assertEquals(42, kernel.evalRaw("int hidden = 41;\nhidden + 1"));
    }

    @Test
    void systemExitEndsTheCellNotTheKernel() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> kernel.evalRaw("System.out.print(\"\");\nSystem.exit(3);"));
        assertEquals("SystemExitError", CourseKernel.errorName(e));
        SystemExitError exit = assertInstanceOf(SystemExitError.class, e.getCause());
        assertEquals(3, exit.status());
        assertThrows(RuntimeException.class, () -> kernel.evalRaw("Runtime.getRuntime().halt(1);"));
        assertEquals(2, kernel.evalRaw("1 + 1"), "the kernel must go on");
    }

    @Test
    void anErrorIsNamedByItsOwnClass() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> kernel.evalRaw("int down(int n) { return down(n + 1); }\ndown(0)"));
        assertEquals("StackOverflowError", CourseKernel.errorName(e));
    }

    @Test
    void aStackTraceShowsTheLineInTheCell() {
        kernel.evalRaw("int ok = 0;\n\nvoid blowUp(int n) {\n    int a = 1;\n    throw new IllegalStateException(\"at line 5\");\n}");
        RuntimeException e = assertThrows(RuntimeException.class, () -> kernel.evalRaw("int z = 0;\nblowUp(z);"));
        List<String> trace = kernel.formatError(e);
        assertTrue(trace.stream().anyMatch(line -> line.contains("blowUp(line 5)")), trace.toString());
        assertTrue(trace.stream().anyMatch(line -> line.contains("cell(line 2)")), trace.toString());
        assertTrue(trace.stream().noneMatch(line -> line.contains("$JShell$")), trace.toString());
    }

    @Test
    void previewFeaturesWorkInACell() {
        assertTrue(CourseKernel.previewEnabled(), "the tests, like the kernelspec, run with --enable-preview");
        assertTrue(kernel.getBanner().contains("preview features enabled"), kernel.getBanner());
        Object sum = kernel.evalRaw(String.join("\n",
                "int structured() throws Exception {",
                "    try (var scope = StructuredTaskScope.open()) {",
                "        var a = scope.fork(() -> 20);",
                "        var b = scope.fork(() -> 22);",
                "        scope.join();",
                "        return a.get() + b.get();",
                "    }",
                "}",
                "structured()"));
        assertEquals(42, sum);
    }

    @Test
    void aThreadACellCreatesIsNotADaemonEvenWhenTheKernelsThreadIs() throws Exception {
        // Jupyter's requests arrive on the kernel's daemon threads; evaluate from one such.
        AtomicReference<Object> created = new AtomicReference<>();
        AtomicReference<Object> cell = new AtomicReference<>();
        Thread requests = new Thread(() -> {
            created.set(kernel.evalRaw("new Thread(() -> {}).isDaemon()"));
            cell.set(kernel.evalRaw("Thread.currentThread().isDaemon()"));
        });
        requests.setDaemon(true);
        requests.start();
        requests.join();
        assertEquals(false, created.get());
        assertEquals(false, cell.get());
    }

    @Test
    void aNullValueIsShownAsNull() {
        DisplayData data = assertInstanceOf(DisplayData.class, kernel.evalRaw("(String) null"));
        assertEquals("null", data.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void methodsAndClassesPersistAcrossCells() {
        kernel.evalRaw("int twice(int n) { return 2 * n; }");
        kernel.evalRaw("record Pair(String a, int b) { int total() { return twice(b); } }");
        assertEquals(14, kernel.evalRaw("new Pair(\"x\", 7).total()"));
    }

    @Test
    void startUpImportsAreAvailable() {
        assertEquals(Duration.ofSeconds(2), kernel.evalRaw("Duration.ofMillis(2000)"));
        assertInstanceOf(java.util.concurrent.ArrayBlockingQueue.class, kernel.evalRaw("new ArrayBlockingQueue<Integer>(1)"));
    }

    @Test
    void theCourseLibraryIsOnTheClassPath() {
        Object cores = kernel.evalRaw("course.Course.cores()");
        assertEquals(Runtime.getRuntime().availableProcessors(), cores);
    }

    @Test
    void anImageIsRenderedAsPng() {
        Object value = kernel.evalRaw("new java.awt.image.BufferedImage(4, 3, java.awt.image.BufferedImage.TYPE_INT_RGB)");
        BufferedImage image = assertInstanceOf(BufferedImage.class, value);
        assertEquals(4, image.getWidth());
        DisplayData data = kernel.getRenderer().render(value);
        assertTrue(data.hasDataForType(MIMEType.IMAGE_PNG), "a RenderedImage must render as image/png");
    }

    @Test
    void aCompilationErrorNamesTheLineAndTheCode() {
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> kernel.evalRaw("int fine = 1;\nint broken = missingName + 1;"));
        assertEquals("CompilationException", e.getClass().getSimpleName());
        assertTrue(e.getMessage().startsWith("line 2: cannot find symbol"), e.getMessage());
        assertTrue(e.getMessage().contains("int broken = missingName + 1;"), e.getMessage());
        assertTrue(e.getMessage().contains("^"), e.getMessage());
    }

    @Test
    void aRuntimeExceptionKeepsItsRealClassMessageAndUserFrames() {
        kernel.evalRaw("void fail(String why) { throw new IllegalArgumentException(why); }");
        RuntimeException e = assertThrows(RuntimeException.class, () -> kernel.evalRaw("fail(\"bad input\")"));
        IllegalArgumentException real = assertInstanceOf(IllegalArgumentException.class, e);
        assertEquals("bad input", real.getMessage());
        List<String> trace = kernel.formatError(real);
        assertTrue(trace.getFirst().contains("java.lang.IllegalArgumentException: bad input"), trace.toString());
        assertTrue(trace.stream().anyMatch(line -> line.contains("fail(")), trace.toString());
        assertTrue(trace.stream().noneMatch(line -> line.contains("course.kernel.") || line.contains("reflect")),
                trace.toString());
    }

    @Test
    void aCheckedExceptionIsReportedAsItself() {
        Exception e = assertThrows(Exception.class, () -> kernel.evalRaw("throw new java.io.IOException(\"disk\");"));
        assertInstanceOf(java.io.IOException.class, e);
    }

    @Test
    void anErrorIsCarriedWithItsRealClassName() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> kernel.evalRaw("throw new AssertionError(\"no\");"));
        assertTrue(e.getMessage().startsWith("java.lang.AssertionError: no"), e.getMessage());
        assertTrue(kernel.formatError(e).getFirst().contains("java.lang.AssertionError: no"));
    }

    @Test
    void incompleteInputSaysSo() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> kernel.evalRaw("void open() {\n  int a = 1;"));
        assertEquals("IncompleteInputException", e.getClass().getSimpleName());
        assertTrue(e.getMessage().contains("incomplete input at line 1"), e.getMessage());
    }

    @Test
    void theKernelKeepsWorkingAfterErrors() {
        assertThrows(RuntimeException.class, () -> kernel.evalRaw("undefined()"));
        assertThrows(RuntimeException.class, () -> kernel.evalRaw("throw new RuntimeException(\"x\");"));
        assertEquals(3, kernel.evalRaw("1 + 2"));
    }

    @Test
    void anUnresolvedReferenceIsExplained() {
        kernel.evalRaw("int usesLater() { return definedLater(); }");
        RuntimeException e = assertThrows(RuntimeException.class, () -> kernel.evalRaw("usesLater()"));
        assertEquals("UnresolvedReferenceException", e.getClass().getSimpleName());
        assertTrue(e.getMessage().contains("definedLater"), e.getMessage());
        kernel.evalRaw("int definedLater() { return 5; }");
        assertEquals(5, kernel.evalRaw("usesLater()"));
    }

    @Test
    void interruptStopsASleepingCell() throws Exception {
        assertInterruptStops("Thread.sleep(60_000);");
    }

    @Test
    void interruptStopsACellBlockedOnAQueue() throws Exception {
        assertInterruptStops("new ArrayBlockingQueue<Integer>(1).take();");
    }

    @Test
    void interruptStopsABusyLoop() throws Exception {
        assertInterruptStops("long spins = 0; while (true) { spins++; }");
    }

    /** Set by a cell under test once it runs, so that the interrupt is not sent too early. */
    static final String RUNNING = "course.kernel.test.running";

    private void assertInterruptStops(String cell) throws Exception {
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        System.clearProperty(RUNNING);
        Thread runner = new Thread(() -> {
            try {
                kernel.evalRaw("System.setProperty(\"" + RUNNING + "\", \"yes\");\n" + cell);
            } catch (Throwable e) {
                outcome.set(e);
            }
        }, "test-cell-runner");
        runner.start();
        long waitUntil = System.nanoTime() + INTERRUPT_BOUND.toNanos() * 10;
        while (System.getProperty(RUNNING) == null && runner.isAlive() && System.nanoTime() < waitUntil) {
            Thread.sleep(10);
        }
        assertTrue(System.getProperty(RUNNING) != null, "the cell never started: " + outcome.get());
        Thread.sleep(DELAY.toMillis());
        long start = System.nanoTime();
        kernel.interrupt();
        runner.join(INTERRUPT_BOUND.toMillis());
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        if (runner.isAlive()) {
            runner.interrupt();
            runner.join();
        }
        assertTrue(tookMillis <= INTERRUPT_BOUND.toMillis(), "the cell kept running for " + tookMillis + " ms");
        assertEquals("InterruptedCellException", outcome.get() == null ? "no error" : outcome.get().getClass().getSimpleName(),
                "the cell must report that it was interrupted");
        assertEquals(2, kernel.evalRaw("1 + 1"), "the next cell must run normally");
    }

    @Test
    void anInterruptBetweenSnippetsStopsTheNextOne() {
        kernel.evalRaw("int before = 0;");
        kernel.interrupt();
        assertEquals(2, kernel.evalRaw("1 + 1"), "a cell that starts after an interrupt runs normally");
    }

    @Test
    void completionSuggestsMembers() {
        String code = "List.of(1).siz";
        ReplacementOptions options = kernel.complete(code, code.length());
        assertTrue(options.getReplacements().stream().anyMatch(s -> s.startsWith("size")), options.getReplacements().toString());
        assertEquals(code.length() - 3, options.getSourceStart());
    }

    @Test
    void completionWorksInALaterSnippetOfTheCell() {
        kernel.evalRaw("String text = \"x\";");
        String code = "int a = 1;\nint b = 2;\ntext.toUpp";
        ReplacementOptions options = kernel.complete(code, code.length());
        assertTrue(options.getReplacements().stream().anyMatch(s -> s.startsWith("toUpperCase")), options.getReplacements().toString());
        assertEquals(code.length() - 5, options.getSourceStart());
    }

    @Test
    void inspectionShowsTheSignature() {
        DisplayData data = kernel.inspect("Math.max(1, 2)", 6, true);
        String text = (String) data.getData(MIMEType.TEXT_PLAIN);
        assertTrue(text.contains("max("), text);
    }

    @Test
    void isCompleteTellsCompleteFromIncompleteAndInvalid() {
        assertEquals("complete", kernel.isComplete("int a = 1;"));
        assertTrue(kernel.isComplete("void f() {").isBlank(), "an open brace asks for more input");
        assertEquals("invalid", kernel.isComplete("int 1x = ;"));
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
