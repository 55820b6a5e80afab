package course.proof;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChildJvmTest {
    /** The child: prints its arguments, one a line, then exits with 3. */
    public static final class Echo {
        public static void main(String[] args) {
            for (String a : args) {
                System.out.println(a);
            }
            System.err.println("on stderr");
            System.exit(3);
        }
    }

    @Test
    void streamsEveryLineAndKeepsTheExitCode(@TempDir Path dir) {
        List<String> streamed = new ArrayList<>();
        ChildJvm.Run run = ChildJvm.run(dir, System.getProperty("java.class.path"), List.of("-Xshare:auto"),
                Echo.class.getName(), List.of("one", "two"), streamed::add);
        assertEquals(3, run.exitCode());
        assertEquals(List.of("one", "two", "on stderr"), run.lines());
        assertEquals(run.lines(), streamed);
        assertTrue(run.command().contains(Echo.class.getName()));
    }

    @Test
    void aMissingArgumentIsRefused(@TempDir Path dir) {
        assertThrows(NullPointerException.class, () -> ChildJvm.run(dir, null, List.of(), "X", List.of(), line -> { }));
    }
}
