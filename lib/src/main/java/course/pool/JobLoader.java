package course.pool;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import course.Course;
import course.data.DataFileException;
import course.data.DataFiles;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a JSON file of job specifications into {@link Job}s.
 *
 * <p><b>The file.</b> An object with a free-text {@code "about"} and a {@code "jobs"} array. Each
 * job has an {@code "id"} (unique, not blank), a {@code "type"}, optional {@code "metadata"} and
 * an {@code "argument"}:
 * <pre>{@code
 * { "about": "...",
 *   "jobs": [ { "id": "0", "type": "double", "metadata": { "source": "original demo" }, "argument": 0 },
 *             { "id": "10", "type": "double", "argument": "10" } ] }
 * }</pre>
 *
 * <p><b>Types.</b> {@value Jobs#DOUBLE} doubles an integer argument; {@value Jobs#SLEEP} sleeps
 * for its argument in milliseconds (honouring the context) and returns it. Both fail <em>when
 * run</em> with "{@value Jobs#WRONG_ARGUMENT_TYPE}" if the argument is not an integer: that is a
 * per-job error, which the pool reports as an error result, not a loading error.
 *
 * <p><b>Errors.</b> A missing or malformed file, an empty batch, a job without an id or type, a
 * repeated id or an unknown type raise a {@link JobSpecException} naming the file and the job.
 *
 * <pre>{@code
 * List<Job<Object, Integer>> batch = JobLoader.demo();      // data/pool/jobs.json
 * }</pre>
 */
public final class JobLoader {
    /** The chapter's demo batch, relative to the course's {@code data/} folder. */
    public static final String DEMO_FILE = "pool/jobs.json";

    private JobLoader() {
    }

    /**
     * One job as written in the file.
     *
     * @param id       the job's id
     * @param type     the job's type: {@value Jobs#DOUBLE} or {@value Jobs#SLEEP}
     * @param metadata anything else; may be absent
     * @param argument the argument, as JSON gives it: an Integer, a String, ...
     */
    public record JobSpec(String id, String type, @JsonSetter(nulls = Nulls.AS_EMPTY) Map<String, Object> metadata,
                          Object argument) {
    }

    /**
     * The whole file.
     *
     * @param about what the batch is for
     * @param jobs  the jobs, in order
     */
    public record JobBatch(String about, List<JobSpec> jobs) {
    }

    /** The chapter's demo batch, from {@code data/pool/jobs.json}. */
    public static List<Job<Object, Integer>> demo() {
        return load(Course.data(DEMO_FILE));
    }

    /**
     * Reads {@code file} and turns every specification into a job, in order.
     *
     * @throws JobSpecException when the file is missing or malformed or a job is invalid
     */
    public static List<Job<Object, Integer>> load(Path file) {
        List<JobSpec> specs = specs(file);
        List<Job<Object, Integer>> batch = new ArrayList<>(specs.size());
        for (int i = 0; i < specs.size(); i++) {
            batch.add(toJob(file, i, specs.get(i)));
        }
        return batch;
    }

    /**
     * Reads {@code file} and checks its specifications without making jobs.
     *
     * @throws JobSpecException when the file is missing or malformed or a job is invalid
     */
    public static List<JobSpec> specs(Path file) {
        Objects.requireNonNull(file, "file");
        JobBatch batch;
        try {
            batch = DataFiles.read(file, JobBatch.class);
        } catch (DataFileException e) {
            throw new JobSpecException(file, e.getMessage(), e);
        }
        if (batch.jobs() == null || batch.jobs().isEmpty()) {
            throw new JobSpecException(file, "job file " + file + " has no jobs: it needs a non-empty \"jobs\" array", null);
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < batch.jobs().size(); i++) {
            JobSpec spec = batch.jobs().get(i);
            if (spec == null) {
                throw new JobSpecException(file, "job file " + file + ": job " + i + " is null", null);
            }
            if (spec.id() == null || spec.id().isBlank()) {
                throw new JobSpecException(file, "job file " + file + ": job " + i + " has no \"id\"", null);
            }
            Integer earlier = seen.putIfAbsent(spec.id(), i);
            if (earlier != null) {
                throw new JobSpecException(file, "job file " + file + ": job " + i + " repeats the id \""
                        + spec.id() + "\" of job " + earlier, null);
            }
            if (spec.type() == null || !(spec.type().equals(Jobs.DOUBLE) || spec.type().equals(Jobs.SLEEP))) {
                throw new JobSpecException(file, "job file " + file + ": job " + i + " (id \"" + spec.id()
                        + "\") has " + (spec.type() == null ? "no \"type\"" : "unknown type \"" + spec.type() + "\"")
                        + "; known types: " + Jobs.DOUBLE + ", " + Jobs.SLEEP, null);
            }
        }
        return List.copyOf(batch.jobs());
    }

    private static Job<Object, Integer> toJob(Path file, int index, JobSpec spec) {
        Map<String, Object> metadata = spec.metadata() == null ? Map.of() : spec.metadata();
        JobDescriptor descriptor = new JobDescriptor(spec.id(), spec.type(), metadata);
        JobFunction<Object, Integer> function = switch (spec.type()) {
            case Jobs.DOUBLE -> Jobs::twice;
            case Jobs.SLEEP -> JobLoader::sleep;
            default -> throw new JobSpecException(file, "job file " + file + ": job " + index
                    + " has unknown type \"" + spec.type() + "\"", null);
        };
        return new Job<>(descriptor, function, spec.argument());
    }

    private static Integer sleep(Context ctx, Object argument) throws InterruptedException {
        if (!(argument instanceof Integer millis) || millis < 0) {
            throw new IllegalArgumentException(Jobs.WRONG_ARGUMENT_TYPE + ": expected a non-negative integer"
                    + " number of milliseconds, got " + argument);
        }
        ctx.sleep(Duration.ofMillis(millis));
        return millis;
    }
}
