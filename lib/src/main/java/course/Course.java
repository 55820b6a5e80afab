package course;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Facts about the machine and the mode a chapter runs in.
 *
 * <p>Every notebook opens by asking this class how big its measurements may be.
 * With {@code COURSE_QUICK=1} in the environment (the notebook tests set it), a
 * chapter uses small sizes so that it runs in well under a minute and still draws
 * every chart. Without it, sizes are large enough for the timings to mean something.
 *
 * <pre>{@code
 * int jobs = Course.size(20, 2_000);      // 20 in quick mode, 2,000 otherwise
 * System.out.println(Course.describe());  // JDK 25.0.3, 2 cores, quick mode
 * }</pre>
 */
public final class Course {
    /** The environment variable that switches quick mode on when it is {@code 1} or {@code true}. */
    public static final String QUICK_VARIABLE = "COURSE_QUICK";
    /** The environment variable that may name the course's {@code data/} folder explicitly. */
    public static final String DATA_VARIABLE = "COURSE_DATA";

    private Course() {
    }

    /** Whether quick mode is on: small sizes for tests and impatient readers. */
    public static boolean quick() {
        String value = System.getenv(QUICK_VARIABLE);
        if (value == null) {
            value = System.getProperty("course.quick");
        }
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
    }

    /** Picks the quick size or the full size, depending on the mode. */
    public static int size(int quickSize, int fullSize) {
        return quick() ? quickSize : fullSize;
    }

    /** The number of processors the JVM may use. */
    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The feature release of the running JDK, for example 25. */
    public static int jdkFeature() {
        return Runtime.version().feature();
    }

    /** The full version string of the running JDK. */
    public static String jdk() {
        return Runtime.version().toString();
    }

    /** One line that says what this chapter is running on. */
    public static String describe() {
        return String.format(Locale.ROOT, "JDK %s (%s), %d cores, %s mode, %s %s",
                jdk(), System.getProperty("java.vendor"), cores(), quick() ? "quick" : "full",
                System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    /**
     * The course's {@code data/} folder. It is {@code COURSE_DATA} when set; otherwise the
     * first {@code data/} folder found from the working directory upwards (notebooks run
     * in {@code notebooks/}, so that is {@code ../data}).
     *
     * @throws IllegalStateException when no such folder exists, naming where it looked
     */
    public static Path dataDir() {
        String explicit = System.getenv(DATA_VARIABLE);
        if (explicit != null && !explicit.isBlank()) {
            Path dir = Path.of(explicit);
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException(DATA_VARIABLE + " names " + dir + ", which is not a folder");
            }
            return dir;
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("data");
            if (Files.isDirectory(candidate) && Files.isDirectory(dir.resolve("lib"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find the course's data/ folder from " + start
                + "; run from inside the course, or set " + DATA_VARIABLE);
    }

    /** A file inside the course's {@code data/} folder. */
    public static Path data(String relative) {
        return dataDir().resolve(relative);
    }
}
