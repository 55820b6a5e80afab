package course.kernel;

import course.kernel.KernelErrors.InterruptedCellException;
import course.kernel.KernelErrors.MagicException;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Resolves Maven coordinates to jars with Maven itself, for the {@code %maven} magic.
 *
 * <p>It writes a throwaway pom that depends on the coordinates into a fresh folder under the
 * kernel's cache ({@code $XDG_CACHE_HOME/course-kernel/maven}, else {@code ~/.cache/...}), runs
 * {@code mvn dependency:build-classpath} there (the {@code mvn} on the PATH, so the user's
 * {@code ~/.m2/settings.xml}, mirrors and local repository apply, and an artifact already in
 * {@code ~/.m2} resolves offline), reads the class path it writes, and deletes the folder.
 *
 * <pre>{@code
 * List<Path> jars = MavenResolver.resolve(List.of("org.apache.commons:commons-lang3:3.17.0"), () -> false);
 * }</pre>
 *
 * A coordinate is {@code groupId:artifactId:version}, or
 * {@code groupId:artifactId:type[:classifier]:version} as Maven writes them.
 */
final class MavenResolver {
    /** The dependency plugin the resolution runs; pinned, so it is the same on every machine. */
    static final String PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1";
    /** One part of a coordinate: no spaces, colons or XML characters. */
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_.+\\-\\[\\],()]+");
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");

    private MavenResolver() {
    }

    /** A parsed coordinate, as written by the user and as the parts of a pom dependency. */
    record Coordinate(String text, String groupId, String artifactId, String type, String classifier,
                      String version) {
        /** Parses {@code g:a:v}, {@code g:a:type:v} or {@code g:a:type:classifier:v}; the error names the text. */
        static Coordinate parse(String text) {
            String[] parts = text.split(":", -1);
            boolean wellFormed = parts.length >= 3 && parts.length <= 5;
            for (String part : parts) {
                wellFormed &= PART.matcher(part).matches();
            }
            if (!wellFormed) {
                throw new MagicException("%maven: '" + text + "' is not a Maven coordinate; write"
                        + " groupId:artifactId:version, for example org.apache.commons:commons-lang3:3.17.0");
            }
            String version = parts[parts.length - 1];
            String type = parts.length >= 4 ? parts[2] : null;
            String classifier = parts.length == 5 ? parts[3] : null;
            return new Coordinate(text, parts[0], parts[1], type, classifier, version);
        }

        String dependencyXml() {
            return "    <dependency><groupId>" + groupId + "</groupId><artifactId>" + artifactId
                    + "</artifactId><version>" + version + "</version>"
                    + (type == null ? "" : "<type>" + type + "</type>")
                    + (classifier == null ? "" : "<classifier>" + classifier + "</classifier>")
                    + "</dependency>\n";
        }

        /** Whether Maven's message speaks of this coordinate's artifact. */
        boolean namedIn(String message) {
            return message.contains(groupId + ":" + artifactId + ":");
        }
    }

    /** The throwaway pom that depends on {@code coordinates}. */
    static String pom(List<Coordinate> coordinates) {
        StringBuilder pom = new StringBuilder("""
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>course.kernel</groupId>
                  <artifactId>maven-magic</artifactId>
                  <version>1</version>
                  <packaging>pom</packaging>
                  <dependencies>
                """);
        coordinates.forEach(c -> pom.append(c.dependencyXml()));
        return pom.append("  </dependencies>\n</project>\n").toString();
    }

    /**
     * The jars of {@code coordinates} and of their runtime dependencies, resolved by Maven.
     * Stops Maven and throws {@link InterruptedCellException} when {@code interrupted} turns true.
     */
    static List<Path> resolve(List<String> coordinates, BooleanSupplier interrupted) {
        List<Coordinate> parsed = coordinates.stream().map(Coordinate::parse).toList();
        Path dir;
        try {
            Path cache = cacheRoot();
            Files.createDirectories(cache);
            dir = Files.createTempDirectory(cache, "resolve-");
        } catch (IOException e) {
            throw new MagicException("%maven cannot create its work folder under " + cacheRoot() + ": " + e, e);
        }
        try {
            Files.writeString(dir.resolve("pom.xml"), pom(parsed));
            Path classPath = dir.resolve("classpath.txt");
            Path log = dir.resolve("maven.log");
            ProcessBuilder builder = new ProcessBuilder(mvn(), "-B", "-q", "-Dstyle.color=never",
                    PLUGIN + ":build-classpath", "-Dmdep.includeScope=runtime",
                    "-Dmdep.outputFile=" + classPath)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            // Maven needs a JDK; without JAVA_HOME it would look for java on the PATH: use the kernel's.
            builder.environment().putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
            int exit = run(builder, interrupted, coordinates);
            String output = ANSI.matcher(Files.readString(log, StandardCharsets.UTF_8)).replaceAll("");
            if (exit != 0 || !Files.exists(classPath)) {
                throw failure(parsed, output);
            }
            List<Path> jars = new ArrayList<>();
            for (String entry : Files.readString(classPath).strip().split(Pattern.quote(File.pathSeparator))) {
                if (!entry.isBlank()) {
                    jars.add(Path.of(entry));
                }
            }
            return jars;
        } catch (IOException e) {
            throw new MagicException("%maven could not resolve " + String.join(" ", coordinates) + ": " + e, e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static int run(ProcessBuilder builder, BooleanSupplier interrupted, List<String> coordinates)
            throws IOException {
        Process maven;
        try {
            maven = builder.start();
        } catch (IOException e) {
            throw new MagicException("%maven needs Maven: cannot run '" + builder.command().getFirst()
                    + "' (" + e.getMessage() + "); install Maven and put mvn on the PATH", e);
        }
        try {
            while (!maven.waitFor(100, TimeUnit.MILLISECONDS)) {
                if (interrupted.getAsBoolean()) {
                    maven.descendants().forEach(ProcessHandle::destroy);
                    maven.destroy();
                    throw new InterruptedCellException();
                }
            }
            return maven.exitValue();
        } catch (InterruptedException e) {
            maven.destroy();
            Thread.currentThread().interrupt();
            throw new MagicException("%maven was interrupted while resolving " + String.join(" ", coordinates), e);
        }
    }

    /** The error for a failed resolution: the coordinates Maven names (else all), and Maven's own reason. */
    static MagicException failure(List<Coordinate> coordinates, String output) {
        List<String> named = coordinates.stream().filter(c -> c.namedIn(output)).map(Coordinate::text).toList();
        List<String> blamed = named.isEmpty() ? coordinates.stream().map(Coordinate::text).toList() : named;
        String reason = output.lines()
                .filter(line -> line.startsWith("[ERROR]") && line.length() > "[ERROR] ".length())
                .map(line -> line.substring("[ERROR] ".length()).strip())
                .findFirst()
                .map(MavenResolver::shorten)
                .orElse(output.isBlank() ? "Maven failed and said nothing" : output.strip().lines().reduce((a, b) -> b).orElseThrow());
        return new MagicException("%maven cannot resolve " + String.join(" ", blamed) + ": " + reason);
    }

    /** Maven's first error line without its boilerplate about the throwaway project and its help link. */
    private static String shorten(String line) {
        String text = line.replaceFirst("\\s*-> \\[Help \\d+]$", "");
        int cause = text.lastIndexOf("maven-magic:pom:1: ");
        return cause < 0 ? text : text.substring(cause + "maven-magic:pom:1: ".length());
    }

    private static String mvn() {
        return System.getProperty("os.name", "").startsWith("Windows") ? "mvn.cmd" : "mvn";
    }

    /** Where the throwaway folders go: the kernel's cache folder. */
    static Path cacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("course-kernel").resolve("maven");
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover folder in the cache does no harm.
        }
    }
}
