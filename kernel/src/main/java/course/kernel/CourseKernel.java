package course.kernel;

import course.kernel.KernelErrors.CompilationException;
import course.kernel.KernelErrors.IncompleteInputException;
import course.kernel.KernelErrors.InterruptedCellException;
import course.kernel.KernelErrors.MagicException;
import course.kernel.KernelErrors.UnresolvedReferenceException;
import course.kernel.KernelErrors.UserError;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.MagicTranspiler;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.kernel.util.TextColor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * A Jupyter kernel for Java that evaluates cells with JShell inside its own JVM.
 *
 * <p>A cell is split into JShell snippets and each is evaluated in turn. The value of the
 * cell's last expression is rendered live: a {@link java.awt.image.RenderedImage} (a chart)
 * as {@code image/png}, anything else as {@code text/plain}; a statement or a declaration
 * shows nothing. Errors read like Java errors: a compilation error names its line and points
 * at the code, a runtime exception keeps its real class, message and a stack trace trimmed
 * to the user's code. After any error the kernel goes on working.
 *
 * <p>The cell may open with line magics ({@code %classpath}, {@code %jars}, {@code %load}),
 * or be a cell magic ({@code %%time}, {@code %%html}, {@code %%markdown}); see {@link Magics}.
 *
 * <p>JShell is started on a background thread as soon as the kernel is constructed, warmed
 * up, and given the start-up imports in {@link #START_UP}; the first cell waits for it.
 *
 * <pre>{@code
 * CourseKernel kernel = new CourseKernel();
 * Object value = kernel.evalRaw("1 + 1");    // 2
 * kernel.close();
 * }</pre>
 */
public final class CourseKernel extends BaseKernel {
    /** What every cell can use without importing it. */
    public static final String START_UP = String.join("\n",
            "import java.util.*;",
            "import java.util.concurrent.*;",
            "import java.util.concurrent.atomic.*;",
            "import java.util.function.*;",
            "import java.util.stream.*;",
            "import java.time.*;",
            "import static org.dflib.jjava.jupyter.kernel.BaseNotebookStatics.display;",
            "import static org.dflib.jjava.jupyter.kernel.BaseNotebookStatics.render;",
            "import static org.dflib.jjava.jupyter.kernel.BaseNotebookStatics.updateDisplay;");

    /** Marks "the cell produced no value", as distinct from a null value. */
    static final Object NO_VALUE = new Object();

    private final InProcessExecutionControl control;
    /** Completes once JShell is created, warmed up and has run {@link #START_UP}. */
    private final CompletableFuture<JShell> shell;
    private final Magics magics;
    /** Set by {@link #interrupt()}, cleared when a cell starts; checked between snippets. */
    private volatile boolean interruptRequested;

    public CourseKernel() {
        super("java-course", version(), languageInfo(), List.of(), null,
                new JupyterIO(StandardCharsets.UTF_8), new CommManager(), new Renderer(),
                new MagicParser("(?m)^\\s*%", "%%", new MagicTranspiler()), new MagicsRegistry(), false,
                new StringStyler.Builder()
                        .addPrimaryStyle(TextColor.BOLD_RESET_FG)
                        .addSecondaryStyle(TextColor.BOLD_RED_FG)
                        .addHighlightStyle(TextColor.BOLD_RESET_FG)
                        .build());
        this.control = new InProcessExecutionControl(CourseKernel.class.getClassLoader());
        this.magics = new Magics(this);
        this.shell = new CompletableFuture<>();
        Thread starter = new Thread(this::startShell, "kernel-jshell-start");
        starter.setDaemon(true);
        starter.start();
    }

    private static String version() {
        String v = CourseKernel.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private static LanguageInfo languageInfo() {
        return new LanguageInfo.Builder("java")
                .version(Runtime.version().toString())
                .mimetype("text/x-java-source")
                .fileExtension(".jshell")
                .pygments("java")
                .codemirror("java")
                .build();
    }

    private void startShell() {
        try {
            JShell js = JShell.builder()
                    .executionEngine(InProcessExecutionControl.provider(control), java.util.Map.of())
                    .compilerOptions("-Xlint:-options")
                    .build();
            String classPath = System.getProperty("java.class.path");
            for (String entry : classPath.split(java.io.File.pathSeparator)) {
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

    /** The JShell instance, once start-up has finished. */
    JShell shell() {
        try {
            return shell.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the kernel was starting", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the kernel's JShell failed to start: " + e.getCause(), e.getCause());
        }
    }

    /** Blocks until start-up has finished; for start-up timing and tests. */
    public void awaitReady() {
        shell();
    }

    // ---------------------------------------------------------------- evaluation

    /**
     * Evaluates a whole cell and returns the value of its last expression, {@code null} when
     * it has none. A {@code null} value is returned as the text "null".
     */
    @Override
    public Object evalRaw(String code) {
        interruptRequested = false;
        control.clearPendingStop();
        control.clearValues();
        Object value = magics.evalCell(code);
        if (value == NO_VALUE) {
            return null;
        }
        if (value == null) {
            DisplayData data = new DisplayData("null");
            return data;
        }
        return value;
    }

    /** Evaluates plain Java source (no magics); returns {@link #NO_VALUE} when there is no value. */
    Object evalJava(String code) {
        JShell js = shell();
        SourceCodeAnalysis analysis = js.sourceCodeAnalysis();
        String rest = code;
        int consumed = 0;
        Object last = NO_VALUE;
        while (!rest.isBlank()) {
            if (interruptRequested) {
                throw new InterruptedCellException();
            }
            CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness completeness = info.completeness();
            if (completeness == Completeness.EMPTY) {
                break;
            }
            int start = consumed + leadingSpace(rest);
            if (completeness == Completeness.DEFINITELY_INCOMPLETE
                    || completeness == Completeness.CONSIDERED_INCOMPLETE) {
                throw new IncompleteInputException("incomplete input at line " + lineOf(code, start)
                        + ": the cell ends before this statement or declaration is finished"
                        + " (a missing ';', ')' or '}'?)\n    " + firstLine(rest.strip()));
            }
            String source = info.source();
            String remaining = info.remaining();
            if (source == null) {
                // An unknown (malformed) snippet: let JShell compile the rest and report its errors.
                source = rest;
                remaining = "";
            }
            last = evalSnippet(js, source, code, start);
            consumed += rest.length() - remaining.length();
            rest = remaining;
        }
        return last;
    }

    private Object evalSnippet(JShell js, String source, String cell, int start) {
        List<SnippetEvent> events = js.eval(source);
        Object value = NO_VALUE;
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue;
            }
            Snippet snippet = event.snippet();
            if (event.status() == Snippet.Status.REJECTED) {
                throw compilationError(js, snippet, cell, start);
            }
            if (control.takeStopped()) {
                throw new InterruptedCellException();
            }
            JShellException thrown = event.exception();
            if (thrown != null) {
                throw runtimeError(js, thrown);
            }
            if (showsValue(snippet) && control.isValueKey(event.value())) {
                value = control.takeValue(event.value());
            }
        }
        if (control.takeStopped()) {
            throw new InterruptedCellException();
        }
        return value;
    }

    private static boolean showsValue(Snippet snippet) {
        return snippet.kind() == Snippet.Kind.EXPRESSION
                || snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    private CompilationException compilationError(JShell js, Snippet snippet, String cell, int start) {
        List<Diag> errors = js.diagnostics(snippet).filter(Diag::isError).toList();
        if (errors.isEmpty()) {
            return new CompilationException("line " + lineOf(cell, start) + ": the snippet was rejected: "
                    + firstLine(snippet.source()));
        }
        StringBuilder message = new StringBuilder();
        for (Diag diag : errors) {
            int at = start + (int) Math.max(0, diag.getStartPosition());
            int line = lineOf(cell, Math.min(at, cell.length()));
            if (!message.isEmpty()) {
                message.append("\n\n");
            }
            message.append("line ").append(line).append(": ").append(diag.getMessage(Locale.ROOT).strip());
            String codeLine = lineText(cell, line);
            int column = Math.max(0, Math.min(at, cell.length()) - lineStart(cell, line));
            message.append("\n    ").append(codeLine)
                    .append("\n    ").append(" ".repeat(Math.min(column, codeLine.length()))).append('^');
        }
        return new CompilationException(message.toString());
    }

    private RuntimeException runtimeError(JShell js, JShellException thrown) {
        if (thrown instanceof jdk.jshell.UnresolvedReferenceException unresolved) {
            Snippet declaration = unresolved.getSnippet();
            String missing = js.unresolvedDependencies(unresolved.getSnippet()).collect(Collectors.joining(", "));
            return new UnresolvedReferenceException("'" + firstLine(declaration.source().strip())
                    + "' cannot run yet: it refers to " + (missing.isEmpty() ? "something" : missing)
                    + ", which is not defined");
        }
        Throwable real = control.takeFailure();
        if (real == null && thrown instanceof EvalException eval) {
            return new RuntimeException(eval.getExceptionClassName() + ": " + eval.getMessage(), eval);
        }
        if (real == null) {
            return new RuntimeException(thrown.getMessage(), thrown);
        }
        if (real instanceof Error error) {
            return new UserError(error);
        }
        return KernelErrors.sneakyThrow(real);
    }

    // ---------------------------------------------------------------- errors

    @Override
    public List<String> formatError(Throwable e) {
        List<String> lines = new ArrayList<>();
        if (e instanceof CompilationException || e instanceof IncompleteInputException
                || e instanceof InterruptedCellException || e instanceof UnresolvedReferenceException) {
            lines.add(errorStyler.secondary(e.getClass().getSimpleName()));
            lines.addAll(List.of(e.getMessage().split("\n")));
            return lines;
        }
        if (e instanceof MagicException && e.getCause() == null) {
            lines.add(errorStyler.secondary("MagicException"));
            lines.add(e.getMessage());
            return lines;
        }
        Throwable shown = e instanceof UserError ? e.getCause() : e;
        lines.add(errorStyler.secondary(shown.toString()));
        lines.addAll(Traces.userFrames(shown));
        return lines;
    }

    // ---------------------------------------------------------------- editing help

    @Override
    public ReplacementOptions complete(String code, int cursor) {
        Chunk chunk = Chunk.at(shell().sourceCodeAnalysis(), code, cursor);
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions = shell().sourceCodeAnalysis()
                .completionSuggestions(chunk.text(), cursor - chunk.offset(), anchor);
        List<String> options = suggestions.stream()
                .map(SourceCodeAnalysis.Suggestion::continuation)
                .distinct()
                .toList();
        return new ReplacementOptions(options, chunk.offset() + anchor[0], cursor);
    }

    @Override
    public DisplayData inspect(String code, int cursor, boolean detail) {
        Chunk chunk = Chunk.at(shell().sourceCodeAnalysis(), code, cursor);
        SourceCodeAnalysis analysis = shell().sourceCodeAnalysis();
        String text = chunk.text();
        int at = Math.min(cursor - chunk.offset(), text.length());
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(text, at, true);
        if (docs.isEmpty()) {
            // The cursor sits on a name rather than inside its argument list: ask as if just after "name(".
            int end = at;
            while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
                end++;
            }
            docs = analysis.documentation(text.substring(0, end) + "(", end + 1, true);
        }
        if (docs.isEmpty()) {
            return null;
        }
        String shown = docs.stream()
                .map(doc -> doc.signature() + (doc.javadoc() == null || doc.javadoc().isBlank()
                        ? "" : "\n\n" + doc.javadoc().strip()))
                .collect(Collectors.joining("\n\n"));
        return new DisplayData(shown);
    }

    @Override
    public String isComplete(String code) {
        if (code.stripLeading().startsWith("%")) {
            return IS_COMPLETE_YES;
        }
        SourceCodeAnalysis analysis = shell().sourceCodeAnalysis();
        String rest = code;
        while (!rest.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(rest);
            switch (info.completeness()) {
                case EMPTY:
                    return IS_COMPLETE_YES;
                case DEFINITELY_INCOMPLETE:
                case CONSIDERED_INCOMPLETE:
                    return "    ";
                case UNKNOWN:
                    return IS_COMPLETE_BAD;
                default:
                    rest = info.remaining();
            }
        }
        return IS_COMPLETE_YES;
    }

    // ---------------------------------------------------------------- life cycle

    /** The base library's kernel_info_reply lacks the "status" field that the protocol requires. */
    @Override
    protected void handleKernelInfoRequest(org.dflib.jjava.jupyter.channels.ShellReplyEnvironment env,
            org.dflib.jjava.jupyter.messages.Message<org.dflib.jjava.jupyter.messages.request.KernelInfoRequest> request) {
        env.setBusyDeferIdle();
        env.reply(new KernelInfoWithStatus(org.dflib.jjava.jupyter.messages.Header.PROTOCOL_VERISON,
                name, version, getLanguageInfo(), getBanner(), getHelpLinks()));
    }

    /** A kernel_info_reply that says its status, as every reply must. */
    static final class KernelInfoWithStatus extends org.dflib.jjava.jupyter.messages.reply.KernelInfoReply {
        @com.google.gson.annotations.SerializedName("status")
        @SuppressWarnings("unused") // read by Gson when the reply is serialised
        private final String status = "ok";

        KernelInfoWithStatus(String protocol, String name, String version, LanguageInfo language, String banner,
                List<org.dflib.jjava.jupyter.kernel.HelpLink> links) {
            super(protocol, name, version, language, banner, links);
        }
    }

    /** Stops the running cell: wakes a sleep or a blocked queue, and ends a busy loop. */
    @Override
    public void interrupt() {
        interruptRequested = true;
        control.stop();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        close();
        super.onShutdown(isRestarting);
    }

    /** Closes JShell. The kernel cannot evaluate afterwards. */
    public void close() {
        if (shell.isDone() && !shell.isCompletedExceptionally()) {
            shell.join().close();
        } else {
            shell.cancel(false);
        }
    }

    @Override
    public String getBanner() {
        return "Java " + Runtime.version() + " (course kernel, JShell in-process)";
    }

    /** Registers this kernel as the one that {@code display(...)} reaches. */
    public void install() {
        installNotebookKernel();
    }

    /** Unregisters this kernel, so that another can be installed (tests create several). */
    public void uninstall() {
        uninstallNotebookKernel();
    }

    // ---------------------------------------------------------------- text helpers

    private static int leadingSpace(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int lineStart(String text, int line) {
        int start = 0;
        for (int l = 1; l < line; l++) {
            int next = text.indexOf('\n', start);
            if (next < 0) {
                return text.length();
            }
            start = next + 1;
        }
        return start;
    }

    private static String lineText(String text, int line) {
        int start = lineStart(text, line);
        int end = text.indexOf('\n', start);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end) + " ...";
    }

    /** The snippet of a cell that contains a cursor position, and where it starts. */
    private record Chunk(String text, int offset) {
        static Chunk at(SourceCodeAnalysis analysis, String code, int cursor) {
            String rest = code;
            int consumed = 0;
            while (!rest.isBlank()) {
                CompletionInfo info = analysis.analyzeCompletion(rest);
                int used = rest.length() - info.remaining().length();
                if (info.completeness() == Completeness.EMPTY || used <= 0 || consumed + used >= cursor
                        || !info.completeness().isComplete()) {
                    return new Chunk(rest, consumed);
                }
                consumed += used;
                rest = info.remaining();
            }
            return new Chunk(rest, consumed);
        }
    }
}
