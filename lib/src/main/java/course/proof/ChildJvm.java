package course.proof;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Runs a main class in a child JVM, the running JVM's own {@code java}, and streams its output
 * line by line to a consumer as it comes (so a notebook cell shows a long run's progress), while
 * keeping every line for the parser.
 *
 * <pre>{@code
 * ChildJvm.Run run = ChildJvm.run(dir, classPath, List.of("-Xmx256m"), "org.openjdk.jcstress.Main",
 *         List.of("-t", "LostResults"), System.out::println);
 * run.exitCode();   // 0 when the child exited normally
 * run.lines();      // everything it printed, stdout and stderr merged
 * }</pre>
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * What a child JVM did.
     *
     * @param command  the command line it ran
     * @param exitCode its exit code
     * @param lines    every line it printed, standard output and error merged, in order
     * @param elapsed  from start to exit
     */
    public record Run(List<String> command, int exitCode, List<String> lines, Duration elapsed) {
        /** Copies the lists. */
        public Run {
            command = List.copyOf(command);
            lines = List.copyOf(lines);
        }
    }

    /** The running JVM's {@code java} launcher, which a child uses too. */
    public static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * Starts {@code mainClass} with {@code jvmArgs} and {@code args} on {@code classPath}, in
     * folder {@code dir} (created if missing: JCStress writes files where it runs), hands
     * each line it prints to {@code progress} as it arrives, and waits for it to exit.
     *
     * @throws NullPointerException  when an argument is null
     * @throws UncheckedIOException  when the child cannot be started or read
     * @throws IllegalStateException when interrupted while waiting (the child is then killed)
     */
    public static Run run(Path dir, String classPath, List<String> jvmArgs, String mainClass, List<String> args,
                          Consumer<String> progress) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(classPath, "classPath");
        Objects.requireNonNull(mainClass, "mainClass");
        Objects.requireNonNull(progress, "progress");
        List<String> command = new ArrayList<>();
        command.add(java().toString());
        command.addAll(Objects.requireNonNull(jvmArgs, "jvmArgs"));
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(Objects.requireNonNull(args, "args"));
        long start = System.nanoTime();
        Process process;
        try {
            Files.createDirectories(dir);
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
                progress.accept(line);
            }
            int exit = process.waitFor();
            return new Run(command, exit, lines, Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            process.destroyForcibly();
            throw new UncheckedIOException("cannot read the output of " + mainClass, e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + mainClass + " ran; it was killed", e);
        }
    }
}
