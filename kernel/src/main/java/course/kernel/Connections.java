package course.kernel;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.zeromq.ZMQ;

import java.lang.reflect.Field;

/**
 * Opens the kernel's Jupyter connection with {@link RequestChannel}s for its shell and
 * control channels.
 *
 * <p>The base library's own channels poll their socket and then sleep 50 ms when nothing has
 * arrived, which adds up to 50 ms to every request. The connection builds those channels
 * itself, so this class replaces both, before anything is bound, with channels that block in
 * the poll instead. The sockets still bind only the addresses in the connection file, and
 * every message is still signed and checked.
 */
final class Connections {
    private Connections() {
    }

    /** The connection, whose shell channel aborts waiting cells as {@code kernel} says ({@link StopOnError}). */
    static JupyterConnection open(KernelConnectionProperties properties, CourseKernel kernel) throws Exception {
        JupyterConnection connection = new JupyterConnection(properties);
        try {
            ZMQ.Context context = (ZMQ.Context) field("ctx").get(connection);
            replace(connection, "shell", new RequestChannel(context, properties.createHMACGenerator(), connection,
                    kernel.stopOnError(), kernel::abortExecuteRequest));
            replace(connection, "control", new RequestChannel(context, properties.createHMACGenerator(), connection));
        } catch (ReflectiveOperationException | RuntimeException e) {
            // A different base library layout: keep its own channels, which work, only slower.
            System.err.println("course kernel: keeping the default request channels (" + e + ")");
        }
        return connection;
    }

    private static void replace(JupyterConnection connection, String name, ShellChannel channel)
            throws ReflectiveOperationException {
        Field field = field(name);
        ShellChannel old = (ShellChannel) field.get(connection);
        field.set(connection, channel);
        old.close();
    }

    private static Field field(String name) throws NoSuchFieldException {
        Field field = JupyterConnection.class.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }
}
