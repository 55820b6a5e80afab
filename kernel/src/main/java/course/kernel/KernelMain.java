package course.kernel;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts the course kernel for Jupyter.
 *
 * <pre>
 * java -Djava.awt.headless=true -cp &lt;kernel, library and dependencies&gt; course.kernel.KernelMain &lt;connection-file&gt;
 * java ... course.kernel.KernelMain --train      (a short run that exercises start-up, for the AOT cache)
 * </pre>
 *
 * <p>The kernel registers every handler before it binds its sockets, so the first request
 * cannot race start-up; JShell warms up on its own thread meanwhile.
 */
public final class KernelMain {
    private KernelMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--train")) {
            Training.run();
            System.exit(0);
        }
        if (args.length != 1) {
            System.err.println("usage: course.kernel.KernelMain <connection-file> | --train");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        if (!Files.isReadable(file)) {
            System.err.println("course kernel: cannot read the connection file " + file.toAbsolutePath());
            System.exit(2);
        }
        KernelConnectionProperties properties = KernelConnectionProperties.parse(Files.readString(file));
        CourseKernel kernel = new CourseKernel();
        JupyterConnection connection = Connections.open(properties);
        kernel.becomeHandlerForConnection(connection);
        kernel.onStartup();
        connection.connect();
        connection.waitUntilClose();
        // Threads a cell left behind must not keep the kernel alive after Jupyter shut it down.
        System.exit(0);
    }
}
