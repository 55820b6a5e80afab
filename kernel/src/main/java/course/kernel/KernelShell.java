package course.kernel;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The kernel's one JShell and its start-up: created on a background thread as soon as the
 * kernel is constructed, compiled for preview features when the JVM allows them, given the
 * kernel's class path and the start-up imports ({@link #START_UP}), and warmed up so that the
 * first cell is quick. {@link #get()} waits for it.
 *
 * <pre>{@code
 * KernelShell shell = KernelShell.start(control);
 * shell.get().eval("1 + 1");     // waits for start-up the first time
 * shell.close();
 * }</pre>
 */
final class KernelShell {
    /** What every cell can use without importing it. */
    static final String START_UP = String.join("\n",
            "import java.util.*;",
            "import java.util.concurrent.*;",
            "import java.util.concurrent.atomic.*;",
            "import java.util.function.*;",
            "import java.util.stream.*;",
            "import java.time.*;",
            "import static course.kernel.Notebook.display;",
            "import static course.kernel.Notebook.render;",
            "import static course.kernel.Notebook.updateDisplay;");

    /** Runs the snippets; its values are cleared around the warm-up. */
    private final InProcessExecutionControl control;
    /** Completes once JShell is created, warmed up and has run {@link #START_UP}; never reset. */
    private final CompletableFuture<JShell> shell = new CompletableFuture<>();

    private KernelShell(InProcessExecutionControl control) {
        this.control = control;
    }

    /** Starts creating the JShell that runs its snippets with {@code control}, on a daemon thread. */
    static KernelShell start(InProcessExecutionControl control) {
        KernelShell shell = new KernelShell(control);
        Thread starter = new Thread(shell::create, "kernel-jshell-start");
        starter.setDaemon(true);
        starter.start();
        return shell;
    }

    /** What the kernel tells the front end about the language it runs: Java of this JVM's version. */
    static LanguageInfo languageInfo() {
        return new LanguageInfo.Builder("java")
                .version(Runtime.version().toString())
                .mimetype("text/x-java-source")
                .fileExtension(".jshell")
                .pygments("java")
                .codemirror("java")
                .build();
    }

    /**
     * Whether this JVM runs with {@code --enable-preview} (the kernelspec starts it so): then
     * cells are compiled with preview features too, so Java 25's preview APIs, such as
     * {@code StructuredTaskScope}, work in a cell. Cells run in this JVM, which must allow them.
     */
    static boolean previewEnabled() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().contains("--enable-preview");
    }

    private void create() {
        try {
            JShell js = JShell.builder()
                    .executionEngine(InProcessExecutionControl.provider(control), Map.of())
                    .compilerOptions(compilerOptions())
                    .build();
            String classPath = System.getProperty("java.class.path");
            for (String entry : classPath.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    js.addToClasspath(entry);
                }
            }
            for (String line : START_UP.split("\n")) {
                js.eval(line);
            }
            warmUp(js);
            shell.complete(js);
        } catch (Throwable e) {
            shell.completeExceptionally(e);
        }
    }

    private static String[] compilerOptions() {
        if (!previewEnabled()) {
            return new String[] {"-Xlint:-options"};
        }
        return new String[] {"-Xlint:-options", "-Xlint:-preview", "--enable-preview",
                "--source", Integer.toString(Runtime.version().feature())};
    }

    /** Runs the compiler once through its common paths, so that the first cell is quick. */
    private void warmUp(JShell js) {
        control.clearValues();
        for (String snippet : List.of(
                "String $warm = List.of(1, 2, 3).stream().map(i -> i * 2).map(String::valueOf).collect(Collectors.joining(\",\"));",
                "$warm.length()")) {
            for (SnippetEvent event : js.eval(snippet)) {
                if (event.snippet() != null && event.causeSnippet() == null
                        && event.snippet().kind() == Snippet.Kind.VAR
                        && event.snippet().subKind() == Snippet.SubKind.VAR_DECLARATION_WITH_INITIALIZER_SUBKIND) {
                    js.drop(event.snippet());
                }
            }
        }
        js.sourceCodeAnalysis().analyzeCompletion("int x = 1;");
        control.clearValues();
    }

    /** The JShell instance, once start-up has finished; throws if start-up failed. */
    JShell get() {
        try {
            return shell.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the kernel was starting", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the kernel's JShell failed to start: " + e.getCause(), e.getCause());
        }
    }

    /** Closes JShell, or gives up on a start-up still under way. */
    void close() {
        if (shell.isDone() && !shell.isCompletedExceptionally()) {
            shell.join().close();
        } else {
            shell.cancel(false);
        }
    }
}
