package course.pool;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import course.Course;
import course.concurrent.Context;
import course.data.DataFileException;
import course.data.DataFiles;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Turns a JSON file of job specifications into {@link Job}s.
 *
 * <p><b>The file.</b> An object with a free-text {@code "about"} (optional) and a non-empty
 * {@code "jobs"} array. Each job has an {@code "id"} (text, not blank, unique in the file), a
 * {@code "type"}, optional {@code "metadata"} (an object) and an {@code "argument"}:
 * <pre>{@code
 * { "about": "...",
 *   "jobs": [ { "id": "0", "type": "double", "metadata": { "source": "original demo" }, "argument": 0 },
 *             { "id": "10", "type": "double", "argument": "10" } ] }
 * }</pre>
 * The file is read by {@link DataFiles}, so it must be one JSON value with no field twice, and an
 * id or a type must be a JSON string (not a number).
 *
 * <p><b>Types.</b> {@value Jobs#DOUBLE} doubles an integer argument; {@value Jobs#SLEEP} sleeps
 * for its argument in milliseconds (honouring the context) and returns it. Both fail <em>when
 * run</em> with "{@value Jobs#WRONG_ARGUMENT_TYPE}" if the argument is not an integer (or is
 * missing): that is a per-job error, which the pool reports as an error result, not a loading error.
 *
 * <p><b>Errors.</b> Anything else wrong (a missing or malformed file, no jobs, a job without an
 * id or type, a repeated id, an unknown type, an unknown field) raises a {@link JobSpecException}
 * naming the file, the line and column, and the field, with what was expected:
 * <pre>{@code
 * job file jobs.json at line 4, column 5, field 'jobs[0]': type: expected "double" or "sleep", found "triple"
 * }</pre>
 *
 * <pre>{@code
 * List<Job<Object, Integer>> batch = JobLoader.demo();      // data/pool/jobs.json
 * }</pre>
 */
public final class JobLoader {
    /** The chapter's demo batch, relative to the course's {@code data/} folder. */
    public static final String DEMO_FILE = "pool/jobs.json";

    /** The types a job may have. */
    private static final List<String> TYPES = List.of(Jobs.DOUBLE, Jobs.SLEEP);

    private JobLoader() {
    }

    /**
     * One job as written in the file.
     *
     * @param id       the job's id, not blank
     * @param type     the job's type: {@value Jobs#DOUBLE} or {@value Jobs#SLEEP}
     * @param metadata anything else; empty when absent (null is taken as empty); values may be null
     * @param argument the argument, as JSON gives it: an Integer, a String, ...; may be null
     */
    public record JobSpec(@JsonSetter(nulls = Nulls.FAIL) String id, @JsonSetter(nulls = Nulls.FAIL) String type,
                          @JsonSetter(nulls = Nulls.AS_EMPTY) Map<String, Object> metadata, Object argument) {
        /**
         * @throws NullPointerException     when the id or the type is null
         * @throws IllegalArgumentException when the id is blank or the type is not one of the known types
         */
        public JobSpec {
            if (id == null) {
                throw new NullPointerException("id: expected a job id, found null");
            }
            if (id.isBlank()) {
                throw new IllegalArgumentException("id: expected a job id that is not blank, found \"" + id + "\"");
            }
            if (type == null || !TYPES.contains(type)) {
                String expected = "type: expected " + TYPES.stream().map(t -> "\"" + t + "\"")
                        .collect(Collectors.joining(" or ")) + ", found ";
                if (type == null) {
                    throw new NullPointerException(expected + "null");
                }
                throw new IllegalArgumentException(expected + "\"" + type + "\"");
            }
            metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        }
    }

    /**
     * The whole file.
     *
     * @param about what the batch is for; empty when absent
     * @param jobs  the jobs, in order: at least one, no null, no id twice
     */
    public record JobBatch(String about, List<JobSpec> jobs) {
        /**
         * @throws NullPointerException     when the jobs or one of them is null
         * @throws IllegalArgumentException when there is no job or two jobs share an id
         */
        public JobBatch {
            about = about == null ? "" : about;
            if (jobs == null) {
                throw new NullPointerException("jobs: expected a list of jobs, found null");
            }
            if (jobs.isEmpty()) {
                throw new IllegalArgumentException("jobs: expected at least one job, found none");
            }
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < jobs.size(); i++) {
                JobSpec spec = jobs.get(i);
                if (spec == null) {
                    throw new NullPointerException("jobs[" + i + "]: expected a job, found null");
                }
                Integer earlier = seen.putIfAbsent(spec.id(), i);
                if (earlier != null) {
                    throw new IllegalArgumentException("jobs[" + i + "].id: expected an id no other job has, found \""
                            + spec.id() + "\", the id of jobs[" + earlier + "]");
                }
            }
            jobs = List.copyOf(jobs);
        }
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
        List<Job<Object, Integer>> batch = new ArrayList<>();
        for (JobSpec spec : specs(file)) {
            batch.add(toJob(spec));
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
        try {
            return DataFiles.read(file, JobBatch.class).jobs();
        } catch (DataFileException e) {
            throw new JobSpecException(file, e.describe("job file"), e);
        }
    }

    private static Job<Object, Integer> toJob(JobSpec spec) {
        JobDescriptor descriptor = new JobDescriptor(spec.id(), spec.type(), spec.metadata());
        JobFunction<Object, Integer> function = switch (spec.type()) {
            case Jobs.DOUBLE -> Jobs::twice;
            case Jobs.SLEEP -> JobLoader::sleep;
            default -> throw new IllegalStateException("a JobSpec has only known types, not " + spec.type());
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
