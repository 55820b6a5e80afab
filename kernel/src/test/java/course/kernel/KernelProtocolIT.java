package course.kernel;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs the kernel's protocol conformance suite ({@code kernel/src/test/python/test_protocol.py},
 * built on jupyter_kernel_test) against the installed kernelspec, so that Failsafe reports it.
 */
class KernelProtocolIT {
    @Test
    void theKernelSpeaksTheJupyterProtocol() throws Exception {
        Path tests = NotebooksIT.ROOT.resolve("kernel/src/test/python");
        Process process = new ProcessBuilder(NotebooksIT.PYTHON, "-m", "unittest", "-v", "test_protocol")
                .directory(tests.toFile())
                .redirectErrorStream(true)
                .start();
        String log = new String(process.getInputStream().readAllBytes());
        int exit = process.waitFor();
        System.out.print(log);
        assertEquals(0, exit, "protocol conformance failed:\n" + log);
    }
}
