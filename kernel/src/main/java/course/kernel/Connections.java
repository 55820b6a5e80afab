package course.kernel;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.zeromq.ZMQ;

import java.lang.reflect.Field;

/**
 * Opens the kernel's Jupyter connection with quicker request channels.
 *
 * <p>The base library's shell and control channels poll their socket and then sleep 50 ms
 * when nothing has arrived, which adds up to 50 ms to every request. This kernel replaces
 * both, before anything is bound, with channels that sleep {@link #SHELL_SLEEP_MS} and
 * {@link #CONTROL_SLEEP_MS}: a request is picked up within a few milliseconds, at the cost
 * of a few hundred cheap wake-ups a second while idle. The sockets still bind only the
 * addresses in the connection file, and every message is still signed and checked.
 */
final class Connections {
    /** How long the shell channel sleeps between polls. */
    static final long SHELL_SLEEP_MS = 2;
    /** How long the control channel (interrupts, shutdown) sleeps between polls. */
    static final long CONTROL_SLEEP_MS = 10;

    private Connections() {
    }

    static JupyterConnection open(KernelConnectionProperties properties) throws Exception {
        JupyterConnection connection = new JupyterConnection(properties);
        try {
            ZMQ.Context context = (ZMQ.Context) field("ctx").get(connection);
            replace(connection, "shell", new ShellChannel(context, properties.createHMACGenerator(), false,
                    connection, SHELL_SLEEP_MS));
            replace(connection, "control", new ShellChannel(context, properties.createHMACGenerator(), true,
                    connection, CONTROL_SLEEP_MS));
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
