package course.kernel;

import course.kernel.CellSplitter.Piece;
import course.kernel.CellSplitter.Piece.Chunk;
import course.kernel.KernelErrors.InterruptedCellException;
import course.kernel.KernelErrors.UserError;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.UnresolvedReferenceException;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.MagicTranspiler;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.kernel.util.TextColor;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import org.dflib.jjava.jupyter.channels.JupyterInputStream;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.publish.PublishUpdateDisplayData;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * <p>The cell may open with line magics ({@code %maven}, {@code %classpath}, {@code %jars}, {@code %load}),
 * or be a cell magic ({@code %%time}, {@code %%html}, {@code %%markdown}); see {@link Magics}.
 *
 * <p>Output printed by a cell, or by a thread it started, even after the cell ended, goes to
 * that cell in chunks ({@link Streams}); {@code display(x)} returns an id that
 * {@code updateDisplay(id, y)} redraws ({@link Notebook}); a trailing {@code ;} hides a value;
 * {@code System.exit} ends the cell, not the kernel. With {@code --enable-preview} on the JVM
 * (the kernelspec sets it), cells are compiled with preview features.
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
            "import static course.kernel.Notebook.display;",
            "import static course.kernel.Notebook.render;",
            "import static course.kernel.Notebook.updateDisplay;");

    /** Marks "the cell produced no value", as distinct from a null value. */
    static final Object NO_VALUE = new Object();

    private final InProcessExecutionControl control;
    /** Completes once JShell is created, warmed up and has run {@link #START_UP}. */
    private final CompletableFuture<JShell> shell;
    private final Magics magics;
    /** Set by {@link #interrupt()}, cleared when a cell starts; checked between snippets. */
    private volatile boolean interruptRequested;
    /** The kernel's System.out and System.err once the first cell ran; see {@link Streams}. */
    private final Streams streams = new Streams(System.out, System.err);
    /** The kernel's System.in: reads ask the front end (input_request) while a cell runs. */
    private final JupyterInputStream stdin = new JupyterInputStream(StandardCharsets.UTF_8);
    /** Where displays go: the last non-silent cell's outputs; null before the first cell. */
    private volatile IopubTarget target;
    /** Whether a silent cell is running: its displays are dropped, like its other outputs. */
    private volatile boolean silentCell;
    /** The execution count of the cell being evaluated, for stack traces; 0 outside Jupyter. */
    private volatile int cellNumber;
    /** Where each snippet came from, by JShell snippet id: its cell's count and its first line there. */
    private final Map<String, int[]> snippetPlaces = new ConcurrentHashMap<>();

    public CourseKernel() {
        super("java-course", version(), languageInfo(), List.of(), new History(),
                new JupyterIO(StandardCharsets.UTF_8), new CommManager(), new CourseRenderer(),
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

    /**
     * Whether this JVM runs with {@code --enable-preview} (the kernelspec starts it so): then
     * cells are compiled with preview features too, so Java 25's preview APIs, such as
     * {@code StructuredTaskScope}, work in a cell. Cells run in this JVM, which must allow them.
     */
    public static boolean previewEnabled() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().contains("--enable-preview");
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
        return value == null ? new DisplayData("null") : value;
    }

    /** Whether an interrupt arrived since the cell began; a magic that waits (%maven) polls it. */
    boolean interruptRequested() {
        return interruptRequested;
    }

    /** Evaluates plain Java source (no magics); returns {@link #NO_VALUE} when there is no value. */
    Object evalJava(String code) {
        JShell js = shell();
        SourceCodeAnalysis analysis = js.sourceCodeAnalysis();
        Object last = NO_VALUE;
        for (Piece piece = CellSplitter.first(analysis, code); piece != null; piece = piece.next(analysis)) {
            if (interruptRequested) {
                throw new InterruptedCellException();
            }
            Completeness completeness = piece.completeness();
            if (completeness == Completeness.EMPTY) {
                break;
            }
            if (completeness == Completeness.DEFINITELY_INCOMPLETE
                    || completeness == Completeness.CONSIDERED_INCOMPLETE) {
                throw ErrorFormatter.incomplete(code, piece.start(), piece.rest());
            }
            if (piece.source() == null) {
                // An unknown (malformed) snippet: let JShell compile the rest and report its errors.
                return evalSnippet(js, piece.rest(), code, piece.start());
            }
            // Without its leading blank lines, so that JShell's line numbers count from piece.start().
            last = evalSnippet(js, piece.source().stripLeading(), code, piece.start());
            if (piece.endsWithSemicolon()) {
                last = NO_VALUE;    // a trailing ';' hides the value, as in other kernels
            }
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
            snippetPlaces.put(snippet.id(), new int[] {cellNumber, ErrorFormatter.lineOf(cell, start)});
            if (event.status() == Snippet.Status.REJECTED) {
                throw ErrorFormatter.compilation(js, snippet, cell, start);
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

    private RuntimeException runtimeError(JShell js, JShellException thrown) {
        if (thrown instanceof UnresolvedReferenceException unresolved) {
            return ErrorFormatter.unresolved(js, unresolved);
        }
        Throwable real = control.takeFailure();
        if (real != null) {
            Traces.adoptSnippetFrames(real, thrown);
        }
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
        return ErrorFormatter.lines(e, errorStyler, this::placeOf);
    }

    /** Where line {@code line} of snippet {@code id} is: "cell [3] line 2", or "line 2" outside Jupyter. */
    private String placeOf(String id, int line) {
        int[] place = snippetPlaces.get(id);
        if (place == null) {
            return "snippet " + id + " line " + line;
        }
        int cellLine = place[1] + line - 1;
        return (place[0] > 0 ? "cell [" + place[0] + "] " : "") + "line " + cellLine;
    }

    /** The error's name as the notebook shows it: the class of what was thrown, also for an {@link Error}. */
    static String errorName(Throwable e) {
        return (e instanceof UserError ? e.getCause() : e).getClass().getSimpleName();
    }

    private static String errorValue(Throwable e) {
        String message = (e instanceof UserError ? e.getCause() : e).getLocalizedMessage();
        return message == null ? "" : message;
    }

    // ---------------------------------------------------------------- execute requests

    /**
     * Runs a cell for Jupyter. Unlike the base kernel's handler, it honours {@code silent} (no
     * outputs, no execute_result, the count not advanced) and {@code store_history} (the count
     * advanced and the cell kept for history_request only when set), evaluates
     * {@code user_expressions}, names an {@link Error} by its own class, and sends the cell's
     * output through {@link Streams}, so it is coalesced and threads the cell started can go on
     * printing into it.
     */
    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        commManager.setMessageContext(message);
        ExecuteRequest request = message.getContent();
        boolean silent = request.isSilent();
        boolean stored = request.shouldStoreHistory() && !silent;
        int count = stored ? executionCount.getAndIncrement() : executionCount.get() - 1;
        env.setBusyDeferIdle();
        useKernelStreams();
        IopubTarget cellTarget = new IopubTarget(env.getIopub(), env.getContext());
        silentCell = silent;
        if (silent) {
            streams.mute();
        } else {
            env.publish(new PublishExecuteInput(request.getCode(), count));
            target = cellTarget;
            streams.attach(cellTarget::send);
        }
        stdin.setEnv(env);
        stdin.setEnabled(request.isStdinEnabled());
        cellNumber = stored ? count : 0;
        if (stored) {
            ((History) historyManager).add(count, request.getCode());
        }
        try {
            DisplayData out = eval(request.getCode());
            streams.flush();
            if (out != null && !silent) {
                env.publish(new PublishExecuteResult(count, CourseRenderer.withJson(out)));
            }
            Map<String, Object> reply = new LinkedHashMap<>();
            reply.put("status", "ok");
            reply.put("execution_count", count);
            reply.put("user_expressions", userExpressions(request.getUserExpr()));
            env.defer().reply(message(env, ExecuteReply.MESSAGE_TYPE, reply));
        } catch (Exception e) {
            streams.flush();
            List<String> traceback = formatError(e);
            if (!silent) {
                env.publish(new PublishError(errorName(e), errorValue(e), traceback));
            }
            ErrorReply error = new ErrorReply(errorName(e), errorValue(e), traceback);
            error.setExecutionCount(count);
            env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), error);
        } finally {
            stdin.retractEnv(env);
            cellNumber = 0;
            if (silent) {
                silentCell = false;
                streams.unmute();
            }
        }
    }

    /** A reply of {@code type} whose content is {@code content}, a JSON object built here. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Message<?> message(ShellReplyEnvironment env, MessageType<?> type, Map<String, Object> content) {
        return new Message(env.getContext(), type, content);
    }

    /** Each user expression's value as display data, or its error; the protocol's user_expressions. */
    private Map<String, Object> userExpressions(Map<String, String> expressions) {
        Map<String, Object> results = new LinkedHashMap<>();
        if (expressions == null) {
            return results;
        }
        Gson gson = new Gson();
        expressions.forEach((name, code) -> {
            JsonObject result;
            try {
                control.clearValues();
                Object value = evalJava(code);
                DisplayData data = value == NO_VALUE ? new DisplayData("")
                        : value instanceof DisplayData d ? d : getRenderer().render(value == null ? "null" : value);
                result = gson.toJsonTree(CourseRenderer.withJson(data)).getAsJsonObject();
                result.remove("transient");
                result.addProperty("status", "ok");
            } catch (Exception e) {
                result = new JsonObject();
                result.addProperty("status", "error");
                result.addProperty("ename", errorName(e));
                result.addProperty("evalue", errorValue(e));
                result.add("traceback", gson.toJsonTree(formatError(e)));
            }
            results.put(name, result);
        });
        return results;
    }

    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> request) {
        env.setBusyDeferIdle();
        env.reply(message(env, MessageType.HISTORY_REPLY, ((History) historyManager).answer(request.getContent())));
    }

        /** Makes the kernel's {@link Streams} the JVM's System.out and System.err (once), and its stdin System.in. */
    private void useKernelStreams() {
        if (System.out != streams.stdout()) {
            System.setOut(streams.stdout());
            System.setErr(streams.stderr());
        }
        System.setIn(stdin);
    }

    /** Shows display data as an output of the last cell (from any thread); dropped before the first cell. */
    @Override
    public void display(DisplayData data) {
        IopubTarget to = target;
        if (to != null && !silentCell) {
            streams.flush();
            to.send(new PublishDisplayData(CourseRenderer.withJson(data)));
        }
    }

    /** Replaces the output named by {@code data}'s display id (see {@link Notebook#updateDisplay}). */
    void updateDisplay(DisplayData data) {
        IopubTarget to = target;
        if (to != null && !silentCell) {
            streams.flush();
            to.send(new PublishUpdateDisplayData(CourseRenderer.withJson(data)));
        }
    }

    // ---------------------------------------------------------------- editing help

    @Override
    public ReplacementOptions complete(String code, int cursor) {
        Chunk chunk = CellSplitter.chunkAt(shell().sourceCodeAnalysis(), code, cursor);
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
        Chunk chunk = CellSplitter.chunkAt(shell().sourceCodeAnalysis(), code, cursor);
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
        for (Piece piece = CellSplitter.first(analysis, code); piece != null; piece = piece.next(analysis)) {
            switch (piece.completeness()) {
                case EMPTY -> { return IS_COMPLETE_YES; }
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> { return "    "; }   // the indent to go on with
                case UNKNOWN -> { return IS_COMPLETE_BAD; }
                default -> { }
            }
        }
        return IS_COMPLETE_YES;
    }

    // ---------------------------------------------------------------- life cycle

    /** The base library's kernel_info_reply lacks the "status" field that the protocol requires. */
    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env,
            Message<KernelInfoRequest> request) {
        env.setBusyDeferIdle();
        env.reply(new KernelInfoWithStatus(Header.PROTOCOL_VERISON,
                name, version, getLanguageInfo(), getBanner(), getHelpLinks()));
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
        streams.close();
        if (shell.isDone() && !shell.isCompletedExceptionally()) {
            shell.join().close();
        } else {
            shell.cancel(false);
        }
    }

    @Override
    public String getBanner() {
        return "Java " + Runtime.version() + " (course kernel, JShell in-process"
                + (previewEnabled() ? ", preview features enabled)" : ")") + "\n"
                + "Magics: %maven group:artifact:version (Maven artifacts and their dependencies),"
                + " %classpath or %jars <path or glob>, %load <file>; cell magics %%time, %%html, %%markdown";
    }

    /** Registers this kernel as the one that {@code display(...)} reaches. */
    public void install() {
        installNotebookKernel();
    }

    /** Unregisters this kernel, so that another can be installed (tests create several). */
    public void uninstall() {
        uninstallNotebookKernel();
    }
}
