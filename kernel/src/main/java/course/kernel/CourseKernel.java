package course.kernel;

import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
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
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A Jupyter kernel for Java that evaluates cells with JShell inside its own JVM.
 *
 * <p>A cell is split into JShell snippets and each is evaluated in turn ({@link CellEvaluator}).
 * The value of the cell's last expression is rendered live: a {@link java.awt.image.RenderedImage}
 * (a chart) as {@code image/png}, anything else as {@code text/plain}; a statement or a
 * declaration shows nothing. Errors read like Java errors ({@link ErrorFormatter}): a
 * compilation error names its line and points at the code, a runtime exception keeps its real
 * class, message and a stack trace trimmed to the user's code. After any error the kernel goes
 * on working; when the failed request had {@code stop_on_error} (JupyterLab's "Run All Cells"),
 * the execute requests already queued behind it are answered "aborted" and do not run
 * ({@link StopOnError}).
 *
 * <p>The cell may open with line magics ({@code %maven}, {@code %classpath}, {@code %jars}, {@code %load}),
 * or be a cell magic ({@code %%time}, {@code %%html}, {@code %%markdown}); see {@link Magics}.
 *
 * <p>Output printed by a cell, or by a thread it started, even after the cell ended, goes to
 * that cell in chunks ({@link Streams}, routed by {@link ExecuteRequests}); {@code display(x)}
 * returns an id that {@code updateDisplay(id, y)} redraws ({@link Notebook}); a trailing
 * {@code ;} hides a value; {@code System.exit} ends the cell, not the kernel. With
 * {@code --enable-preview} on the JVM (the kernelspec sets it), cells are compiled with preview
 * features. Completion, inspection and is_complete are {@link CodeAssist}'s.
 *
 * <p>JShell is started on a background thread as soon as the kernel is constructed, warmed
 * up, and given the start-up imports ({@link KernelShell}); the first cell waits for it.
 *
 * <pre>{@code
 * CourseKernel kernel = new CourseKernel();
 * Object value = kernel.evalRaw("1 + 1");    // 2
 * kernel.close();
 * }</pre>
 */
public final class CourseKernel extends BaseKernel {
    /** The kernel's JShell, starting from construction on. */
    private final KernelShell shell;
    private final CellEvaluator evaluator;
    private final Magics magics;
    private final ExecuteRequests executeRequests;
    private final CodeAssist assist;
    /** Tripped by a cell that failed with stop_on_error; the shell channel then aborts the waiting cells. */
    private final StopOnError stopOnError = new StopOnError();

    public CourseKernel() {
        super("java-course", version(), KernelShell.languageInfo(), List.of(), new History(),
                new JupyterIO(StandardCharsets.UTF_8), new CommManager(), new CourseRenderer(),
                new MagicParser("(?m)^\\s*%", "%%", new MagicTranspiler()), new MagicsRegistry(), false,
                new StringStyler.Builder()
                        .addPrimaryStyle(TextColor.BOLD_RESET_FG)
                        .addSecondaryStyle(TextColor.BOLD_RED_FG)
                        .addHighlightStyle(TextColor.BOLD_RESET_FG)
                        .build());
        InProcessExecutionControl control = new InProcessExecutionControl(CourseKernel.class.getClassLoader());
        this.shell = KernelShell.start(control);
        this.evaluator = new CellEvaluator(shell, control);
        this.magics = new Magics(evaluator, shell);
        this.executeRequests = new ExecuteRequests(this, executionCount, (History) historyManager, evaluator, stopOnError);
        this.assist = new CodeAssist(shell);
    }

    private static String version() {
        String v = CourseKernel.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Blocks until start-up has finished; for start-up timing and tests. */
    public void awaitReady() {
        shell.get();
    }

    /**
     * Evaluates a whole cell and returns the value of its last expression, {@code null} when
     * it has none. A {@code null} value is returned as the text "null".
     */
    @Override
    public Object evalRaw(String code) {
        evaluator.beginCell();
        Object value = magics.evalCell(code);
        if (value == CellEvaluator.NO_VALUE) {
            return null;
        }
        return value == null ? new DisplayData("null") : value;
    }

    @Override
    public List<String> formatError(Throwable e) {
        return ErrorFormatter.lines(e, errorStyler, evaluator.places());
    }

    /** Where each frame of cell code is in the notebook, for stack traces ({@link Traces}). */
    Traces.SnippetPlaces places() {
        return evaluator.places();
    }

    /** Runs a cell for Jupyter; see {@link ExecuteRequests#execute}. */
    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        executeRequests.execute(env, message);
    }

    /** What tells the shell channel that a cell failed with stop_on_error (see {@link RequestChannel}). */
    StopOnError stopOnError() {
        return stopOnError;
    }

    /** Answers an execute_request that waited behind a failed cell: "aborted", nothing run. */
    synchronized void abortExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        executeRequests.abort(env, message);
    }

    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> request) {
        executeRequests.history(env, request);
    }

    /** Shows display data as an output of the last cell (from any thread); dropped before the first cell. */
    @Override
    public void display(DisplayData data) {
        executeRequests.display(data);
    }

    /** Replaces the output named by {@code data}'s display id (see {@link Notebook#updateDisplay}). */
    void updateDisplay(DisplayData data) {
        executeRequests.updateDisplay(data);
    }

    @Override
    public ReplacementOptions complete(String code, int cursor) {
        return assist.complete(code, cursor);
    }

    @Override
    public DisplayData inspect(String code, int cursor, boolean detail) {
        return assist.inspect(code, cursor);
    }

    @Override
    public String isComplete(String code) {
        return assist.isComplete(code);
    }

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
        evaluator.requestInterrupt();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        close();
        super.onShutdown(isRestarting);
    }

    /** Closes JShell. The kernel cannot evaluate afterwards. */
    public void close() {
        executeRequests.close();
        shell.close();
    }

    @Override
    public String getBanner() {
        return "Java " + Runtime.version() + " (course kernel, JShell in-process"
                + (KernelShell.previewEnabled() ? ", preview features enabled)" : ")") + "\n"
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
