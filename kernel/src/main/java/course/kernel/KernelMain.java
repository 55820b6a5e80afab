package course.kernel;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Starts the course kernel for Jupyter.
 *
 * <pre>
 * java -Djava.awt.headless=true -cp &lt;kernel, library and dependencies&gt; course.kernel.KernelMain &lt;connection-file&gt;
 * java ... course.kernel.KernelMain --train      (a short run that exercises start-up, for the AOT cache)
 * </pre>
 *
 * <p>The kernel registers every handler before it binds its sockets, so the first request
 * cannot race start-up; JShell warms up on its own thread meanwhile. It exits when Jupyter
 * shuts it down or restarts it (whatever threads a cell left running), and when the process
 * that launched it dies, so that no orphaned kernel is left behind.
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
        JupyterConnection connection = Connections.open(properties, kernel);
        kernel.becomeHandlerForConnection(connection);
        kernel.onStartup();
        connection.connect();
        exitWhenTheLauncherEnds();
        connection.waitUntilClose();
        // Threads a cell left behind must not keep the kernel alive after Jupyter shut it down.
        System.exit(0);
    }

    /**
     * Ends the JVM when the process that launched the kernel ends: the one named by
     * {@code JPY_PARENT_PID}, which Jupyter sets (a process id on Linux and macOS; on Windows it
     * is a handle, so the parent process is watched instead), else the parent process.
     */
    static void exitWhenTheLauncherEnds() {
        launcher().ifPresent(launcher -> launcher.onExit().thenRun(() -> {
            System.err.println("course kernel: the process that started it (pid " + launcher.pid()
                    + ") has ended; the kernel exits");
            System.exit(0);
        }));
    }

    /** The process that launched the kernel, if it can be watched. */
    static Optional<ProcessHandle> launcher() {
        String named = System.getenv("JPY_PARENT_PID");
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        if (named != null && !windows) {
            try {
                long pid = Long.parseLong(named.strip());
                Optional<ProcessHandle> handle = ProcessHandle.of(pid);
                if (handle.isEmpty()) {
                    System.err.println("course kernel: the process that started it (pid " + pid + ") has already ended");
                    System.exit(0);
                }
                return handle;
            } catch (NumberFormatException e) {
                // Not a process id: watch the parent instead.
            }
        }
        return ProcessHandle.current().parent().filter(parent -> parent.pid() > 1);
    }
}
