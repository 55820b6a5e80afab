package course.kernel;

import com.google.gson.JsonParseException;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.zeromq.ZMQ;

/**
 * A shell or control channel that waits for requests in a blocking poll.
 *
 * <p>The base library's channel polls without waiting and then sleeps 50 ms, so every request
 * may wait up to 50 ms before it is even read. This one blocks in the poll itself: a request
 * is handled as soon as it arrives, and an idle kernel wakes only every {@link #POLL_MS} to
 * see whether it should stop. Requests are dispatched exactly as the base library does: the
 * connection's handler for the message type, deferred replies resolved afterwards, and the
 * connection closed when a handler marked it for shutdown.
 *
 * <p>After a cell failed with {@code stop_on_error} ({@link StopOnError}), the shell channel
 * aborts the execute requests already waiting on its socket, as ipykernel does: each gets its
 * {@code aborted} reply from the abort handler and does not run; any other request waiting
 * there is handled as usual. Then it goes back to running requests.
 *
 * <p>Only the loop thread touches the socket; {@link #close()} from another thread asks the
 * loop to stop and waits for it before closing the socket.
 */
final class RequestChannel extends ShellChannel {
    /** How long one blocking poll lasts before the loop checks whether it should stop. */
    static final int POLL_MS = 200;

    private final boolean control;
    private final JupyterConnection connection;
    /** Tripped when a cell failed with stop_on_error; null on the control channel. */
    private final StopOnError stopOnError;
    /** Replies "aborted" to an execute request that must not run; null on the control channel. */
    private final ShellHandler<ExecuteRequest> abort;
    /** Cleared by {@link #close()}; read by the loop between polls. */
    private volatile boolean running;
    /** The loop thread, started by {@link #bind}; null before. */
    private volatile Thread loop;

    /** The control channel. */
    RequestChannel(ZMQ.Context context, HMACGenerator hmac, JupyterConnection connection) {
        this(context, hmac, true, connection, null, null);
    }

    /** The shell channel, which aborts waiting execute requests with {@code abort} once {@code stopOnError} trips. */
    RequestChannel(ZMQ.Context context, HMACGenerator hmac, JupyterConnection connection,
            StopOnError stopOnError, ShellHandler<ExecuteRequest> abort) {
        this(context, hmac, false, connection, stopOnError, abort);
    }

    private RequestChannel(ZMQ.Context context, HMACGenerator hmac, boolean control, JupyterConnection connection,
            StopOnError stopOnError, ShellHandler<ExecuteRequest> abort) {
        super(context, hmac, control, connection);
        this.control = control;
        this.connection = connection;
        this.stopOnError = stopOnError;
        this.abort = abort;
    }

    @Override
    public void bind(KernelConnectionProperties properties) {
        if (loop != null) {
            throw new IllegalStateException("the " + name() + " channel is already bound");
        }
        bind(formatAddress(properties.getTransport(), properties.getIp(),
                control ? properties.getControlPort() : properties.getShellPort()));
        running = true;
        Thread thread = new Thread(this::serve, "kernel-" + name());
        thread.setDaemon(true);
        loop = thread;
        thread.start();
    }

    private String name() {
        return control ? "control" : "shell";
    }

    private void serve() {
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        try {
            while (running) {
                if (poller.poll(POLL_MS) > 0 && running) {
                    Message<?> message = receive();
                    if (message != null) {
                        handle(message);
                    }
                    if (stopOnError != null && stopOnError.take()) {
                        abortWaiting(poller);
                    }
                }
            }
        } catch (RuntimeException e) {
            if (running) {
                logger.warn("{} channel stopped: {}", name(), e.toString());
            }
        } finally {
            poller.close();
        }
    }

    /**
     * The next message, or {@code null} when it was rejected (a wrong signature, malformed JSON):
     * its frames are read all the same, so the channel drops it, says so, and goes on.
     */
    private Message<?> receive() {
        try {
            return readMessage();
        } catch (SecurityException | JsonParseException e) {
            logger.warn("{} channel rejected a message: {}", name(), e.toString());
            return null;
        }
    }

    /**
     * Aborts the execute requests already waiting on the socket (without waiting for more) and
     * handles the other requests among them; a cell failing among those does not extend it.
     */
    @SuppressWarnings("unchecked")
    private void abortWaiting(ZMQ.Poller poller) {
        while (running && poller.poll(0) > 0) {
            Message<?> message = receive();
            if (message == null) {
                continue;
            }
            if (message.getHeader().getType() == ExecuteRequest.MESSAGE_TYPE) {
                handle(message, abort);
            } else {
                handle(message);
            }
        }
        stopOnError.take();
    }

    private void handle(Message<?> message) {
        handle(message, connection.getHandler(message.getHeader().getType()));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void handle(Message<?> message, ShellHandler handler) {
        if (handler == null) {
            logger.warn("Unhandled message: {}", message.getHeader().getType().getName());
            return;
        }
        ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
        try {
            handler.handle(env, message);
        } catch (Exception e) {
            logger.warn("Unhandled exception handling {}: {}", message.getHeader().getType().getName(), e.toString());
        } finally {
            env.resolveDeferrals();
        }
        if (env.isMarkedForShutdown()) {
            connection.close();
        }
    }

    @Override
    public void close() {
        running = false;
        Thread thread = loop;
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join(POLL_MS * 5L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        super.close();
    }

    @Override
    public void waitUntilClose() {
        Thread thread = loop;
        if (thread == null) {
            return;
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
