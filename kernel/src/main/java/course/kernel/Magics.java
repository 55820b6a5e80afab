package course.kernel;

import course.kernel.KernelErrors.MagicException;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The kernel's magics: commands to the kernel rather than Java code.
 *
 * <p>Line magics stand alone on the first lines of a cell, before any Java code:
 * <ul>
 *   <li>{@code %maven <groupId:artifactId:version>...} resolves Maven artifacts and their
 *       dependencies with Maven (the {@code mvn} on the PATH, with the user's settings) and adds
 *       their jars to the cell's class path; see {@link MavenResolver};</li>
 *   <li>{@code %classpath <path or glob>...} (alias {@code %jars}) adds jars or class folders
 *       to the cell's class path; a glob such as {@code ../lib/target/*.jar} may match several;</li>
 *   <li>{@code %load <file>} evaluates a file of Java snippets as if it were typed in the cell.</li>
 * </ul>
 * A cell magic takes the whole cell, named on its first line:
 * <ul>
 *   <li>{@code %%time} runs the rest of the cell and prints its wall time;</li>
 *   <li>{@code %%html} and {@code %%markdown} show the rest of the cell as HTML or Markdown.</li>
 * </ul>
 * An unknown magic, or one given the wrong arguments, ends the cell with an error that says
 * which magics exist.
 */
final class Magics {
    static final List<String> LINE_MAGICS = List.of("maven", "classpath", "jars", "load");
    static final List<String> CELL_MAGICS = List.of("time", "html", "markdown");

    private final CourseKernel kernel;

    Magics(CourseKernel kernel) {
        this.kernel = kernel;
    }

    /** Evaluates a cell: its cell magic, or its leading line magics and then its Java code. */
    Object evalCell(String code) {
        String trimmed = stripBlankLines(code);
        if (trimmed.startsWith("%%")) {
            int end = trimmed.indexOf('\n');
            String header = end < 0 ? trimmed : trimmed.substring(0, end);
            String body = end < 0 ? "" : trimmed.substring(end + 1);
            List<String> words = words(header.substring(2));
            if (words.isEmpty()) {
                throw unknown("%%", "");
            }
            return cellMagic(words.getFirst(), words.subList(1, words.size()), body);
        }
        List<String> lines = new ArrayList<>(List.of(code.split("\n", -1)));
        int index = 0;
        while (index < lines.size()) {
            String line = lines.get(index).strip();
            if (line.isEmpty()) {
                index++;
                continue;
            }
            if (!line.startsWith("%")) {
                break;
            }
            List<String> words = words(line.substring(1));
            if (words.isEmpty()) {
                throw unknown("%", "");
            }
            lineMagic(words.getFirst(), words.subList(1, words.size()));
            lines.set(index, "");
            index++;
        }
        // The magic lines are kept as blank lines, so that line numbers in errors still match the cell.
        return kernel.evalJava(String.join("\n", lines));
    }

    private void lineMagic(String name, List<String> args) {
        switch (name) {
            case "maven" -> maven(args);
            case "classpath", "jars" -> classpath(name, args);
            case "load" -> load(args);
            default -> throw unknown("%", name);
        }
    }

    private Object cellMagic(String name, List<String> args, String body) {
        return switch (name) {
            case "time" -> {
                long start = System.nanoTime();
                try {
                    yield kernel.evalJava(body);
                } finally {
                    double millis = (System.nanoTime() - start) / 1e6;
                    System.out.printf(Locale.ROOT, "Wall time: %.1f ms%n", millis);
                    System.out.flush();
                }
            }
            case "html" -> {
                DisplayData data = new DisplayData(body);
                data.putHTML(body);
                yield data;
            }
            case "markdown" -> {
                DisplayData data = new DisplayData(body);
                data.putMarkdown(body);
                yield data;
            }
            default -> throw unknown("%%", name);
        };
    }

    private void classpath(String name, List<String> args) {
        if (args.isEmpty()) {
            throw new MagicException("%" + name + " needs at least one path or glob, for example %"
                    + name + " ../lib/target/*.jar");
        }
        for (String arg : args) {
            List<Path> found = resolve(arg);
            if (found.isEmpty()) {
                throw new MagicException("%" + name + ": nothing matches '" + arg + "' (looked from "
                        + Path.of("").toAbsolutePath() + ")");
            }
            for (Path path : found) {
                kernel.shell().addToClasspath(path.toAbsolutePath().toString());
            }
        }
    }

    private void maven(List<String> args) {
        if (args.isEmpty()) {
            throw new MagicException("%maven needs at least one coordinate groupId:artifactId:version,"
                    + " for example %maven org.apache.commons:commons-lang3:3.17.0");
        }
        List<Path> jars = MavenResolver.resolve(args, kernel::interruptRequested);
        for (Path jar : jars) {
            kernel.shell().addToClasspath(jar.toAbsolutePath().toString());
        }
        System.out.println("%maven: added " + jars.size() + (jars.size() == 1 ? " jar" : " jars")
                + " to the class path: " + String.join(", ", jars.stream().map(j -> j.getFileName().toString()).toList()));
        System.out.flush();
    }

    private void load(List<String> args) {
        if (args.size() != 1) {
            throw new MagicException("%load takes exactly one file, for example %load snippets.jsh; got " + args.size()
                    + " arguments");
        }
        Path file = Path.of(args.getFirst());
        String source;
        try {
            source = Files.readString(file);
        } catch (IOException e) {
            throw new MagicException("%load cannot read " + file.toAbsolutePath() + ": " + e, e);
        }
        kernel.evalJava(source);
    }

    /** The files a path or glob names; a plain path that does not exist names nothing. */
    static List<Path> resolve(String pattern) {
        if (!isGlob(pattern)) {
            Path path = Path.of(pattern);
            return Files.exists(path) ? List.of(path) : List.of();
        }
        Path whole = Path.of(pattern);
        Path base = whole.isAbsolute() ? whole.getRoot() : null;
        int literal = 0;
        for (Path part : whole) {
            if (isGlob(part.toString())) {
                break;
            }
            base = base == null ? part : base.resolve(part);
            literal++;
        }
        Path root = base == null ? Path.of(".") : base;
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        boolean relativeToHere = base == null;
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + whole.normalize());
        // Only "**" crosses folders; otherwise look no deeper than the pattern's own segments.
        int depth = pattern.contains("**") ? Integer.MAX_VALUE : whole.getNameCount() - literal;
        try (Stream<Path> walk = Files.walk(root, depth)) {
            return walk.filter(p -> matcher.matches(relativeToHere ? root.relativize(p) : p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new MagicException("cannot search " + root + " for '" + pattern + "': " + e, e);
        }
    }

    private static boolean isGlob(String text) {
        return text.contains("*") || text.contains("?") || text.contains("[");
    }

    private static MagicException unknown(String prefix, String name) {
        return new MagicException("unknown magic " + prefix + name + "; the kernel knows the line magics "
                + String.join(", ", LINE_MAGICS.stream().map(m -> "%" + m).toList())
                + " and the cell magics " + String.join(", ", CELL_MAGICS.stream().map(m -> "%%" + m).toList()));
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (!current.isEmpty()) {
                    words.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            words.add(current.toString());
        }
        return words;
    }

    private static String stripBlankLines(String code) {
        int i = 0;
        while (i < code.length() && Character.isWhitespace(code.charAt(i))) {
            i++;
        }
        return code.substring(i);
    }
}
