package course.kernel;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import org.dflib.jjava.jupyter.channels.JupyterInputStream;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.publish.PublishUpdateDisplayData;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers Jupyter's execute and history requests, and routes a cell's outputs. Unlike the base
 * kernel's handler, it honours {@code silent} (no outputs, no execute_result, the count not
 * advanced) and {@code store_history} (the count advanced and the cell kept for history_request
 * only when set), evaluates {@code user_expressions}, names an {@link Error} by its own class,
 * and sends the cell's output through {@link Streams}, so it is coalesced and threads the cell
 * started can go on printing into it. Displays go to the last non-silent cell, from any thread.
 *
 * <pre>{@code
 * // in the kernel:
 * protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> m) {
 *     executeRequests.execute(env, m);
 * }
 * }</pre>
 */
final class ExecuteRequests {
    /** Evaluates and renders a cell ({@link BaseKernel#eval}), formats errors, renders values. */
    private final BaseKernel kernel;
    /** The next execution count; advanced only by a stored, non-silent cell. */
    private final AtomicInteger executionCount;
    /** The cells run with store_history, for history_request. */
    private final History history;
    private final CellEvaluator evaluator;
    /** Tripped by a failed cell whose request had stop_on_error, for the shell channel. */
    private final StopOnError stopOnError;
    /** The kernel's System.out and System.err once the first cell ran; see {@link Streams}. */
    private final Streams streams = new Streams(System.out, System.err);
    /** The kernel's System.in: reads ask the front end (input_request) while a cell runs. */
    private final JupyterInputStream stdin = new JupyterInputStream(StandardCharsets.UTF_8);
    /** Where displays go: the last non-silent cell's outputs; null before the first cell. */
    private volatile IopubTarget target;
    /** Whether a silent cell is running: its displays are dropped, like its other outputs. */
    private volatile boolean silentCell;

    ExecuteRequests(BaseKernel kernel, AtomicInteger executionCount, History history, CellEvaluator evaluator,
            StopOnError stopOnError) {
        this.kernel = kernel;
        this.stopOnError = stopOnError;
        this.executionCount = executionCount;
        this.history = history;
        this.evaluator = evaluator;
    }

    /**
     * Runs the cell of an execute_request and replies; the caller runs one request at a time.
     * A non-silent cell that fails with {@code stop_on_error} trips {@link StopOnError}, so the
     * shell channel aborts the execute requests waiting behind it ({@link #abort}).
     */
    void execute(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        kernel.getCommManager().setMessageContext(message);
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
        evaluator.cellNumber(stored ? count : 0);
        if (stored) {
            history.add(count, request.getCode());
        }
        try {
            DisplayData out = kernel.eval(request.getCode());
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
            List<String> traceback = kernel.formatError(e);
            String name = ErrorFormatter.errorName(e);
            String value = ErrorFormatter.errorValue(e);
            if (!silent) {
                env.publish(new PublishError(name, value, traceback));
            }
            ErrorReply error = new ErrorReply(name, value, traceback);
            error.setExecutionCount(count);
            env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), error);
            if (request.shouldStopOnError() && !silent) {
                stopOnError.trip();
            }
        } finally {
            stdin.retractEnv(env);
            evaluator.cellNumber(0);
            if (silent) {
                silentCell = false;
                streams.unmute();
            }
        }
    }

    /** Answers an execute_request aborted after an earlier cell failed: status "aborted", nothing run. */
    void abort(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        env.setBusyDeferIdle();
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("status", "aborted");
        env.reply(message(env, ExecuteReply.MESSAGE_TYPE, reply));
    }

    /** Answers a history_request from the cells kept with store_history. */
    void history(ShellReplyEnvironment env, Message<HistoryRequest> request) {
        env.setBusyDeferIdle();
        env.reply(message(env, MessageType.HISTORY_REPLY, history.answer(request.getContent())));
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
                Object value = evaluator.evalExpression(code);
                DisplayData data = value == CellEvaluator.NO_VALUE ? new DisplayData("")
                        : value instanceof DisplayData d ? d : kernel.getRenderer().render(value == null ? "null" : value);
                result = gson.toJsonTree(CourseRenderer.withJson(data)).getAsJsonObject();
                result.remove("transient");
                result.addProperty("status", "ok");
            } catch (Exception e) {
                result = new JsonObject();
                result.addProperty("status", "error");
                result.addProperty("ename", ErrorFormatter.errorName(e));
                result.addProperty("evalue", ErrorFormatter.errorValue(e));
                result.add("traceback", gson.toJsonTree(kernel.formatError(e)));
            }
            results.put(name, result);
        });
        return results;
    }

    /**
     * Makes the kernel's {@link Streams} the JVM's System.out and System.err (once), and its stdin
     * System.in; and, unless a cell set its own, makes the default handler of uncaught exceptions
     * one that names each frame of cell code by its cell and line ({@link Traces#uncaughtHandler}).
     */
    private void useKernelStreams() {
        if (System.out != streams.stdout()) {
            System.setOut(streams.stdout());
            System.setErr(streams.stderr());
        }
        System.setIn(stdin);
        if (Thread.getDefaultUncaughtExceptionHandler() == null) {
            Thread.setDefaultUncaughtExceptionHandler(Traces.uncaughtHandler(evaluator.places(), () -> System.err));
        }
    }

    /** Shows display data as an output of the last cell (from any thread); dropped before the first cell. */
    void display(DisplayData data) {
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

    /** Stops sending output: flushes what is left and ends the streams' flusher. */
    void close() {
        streams.close();
    }
}
