package course.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The chapter's running example: the user-profile pipeline of the original article, in a
 * streaming version and in the batch-per-stage version it replaced.
 *
 * <p>The stages, in order:
 * <ol>
 *   <li>{@code ids}: stream the user ids;</li>
 *   <li>{@code user}: look up the user, named {@code username_N}; users whose id is divisible
 *       by 3 are inactive;</li>
 *   <li>{@code active}: drop the inactive users;</li>
 *   <li>{@code profile}: look up the profile: profile id = user id + 100, and a photo URL built
 *       from the user id;</li>
 *   <li>{@code flatten}: map to a plain flat record, {@link UserProfile}.</li>
 * </ol>
 * For ids 1..100 the result is exactly {@value #ACTIVE_OF_FIRST_100} records: the hundred ids
 * minus the 33 multiples of 3.
 *
 * <p><b>Where the data comes from.</b> The lookups read no file and call no service: they
 * compute their answer from the id, and <em>simulate latency explicitly</em> by sleeping for the
 * delays given to the constructor (none by default). That keeps the example deterministic and
 * lets a chapter dial in a "slow database" to see what fan-out and backpressure do. The sleeps
 * respond to interruption, so cancelling a pipeline cuts a lookup short.
 *
 * <p>An id below 1 names no user, and the user lookup throws: the original streamed 100 extra
 * zero ids through a slicing slip, which this version reports as a failure of stage 'user'.
 *
 * <pre>{@code
 * UserProfiles example = new UserProfiles(Duration.ofMillis(2), Duration.ofMillis(1));
 * List<UserProfile> records = example.streaming(UserProfiles.ids(100)).toList();   // 67 records
 * List<UserProfile> same = example.batchPerStage(UserProfiles.ids(100)).toList();  // 67, later
 * }</pre>
 */
public final class UserProfiles {
    /** How many of the ids 1..100 belong to active users. */
    public static final int ACTIVE_OF_FIRST_100 = 67;

    /** A user as the user lookup returns it. */
    public record User(int id, String username, boolean active) {
    }

    /** A profile as the profile lookup returns it. */
    public record Profile(int id, String photoUrl) {
    }

    /** A user joined to their profile, the output of stage 'profile'. */
    public record UserWithProfile(User user, Profile profile) {
        /** The flat record. */
        public UserProfile flatten() {
            return new UserProfile(user.id(), user.username(), profile.id(), profile.photoUrl());
        }
    }

    /** The flat record at the end of the pipeline. */
    public record UserProfile(int userId, String username, int profileId, String photoUrl) {
    }

    private final Duration userDelay;     // sleep per user lookup; zero for none
    private final Duration profileDelay;  // sleep per profile lookup; zero for none

    /** An example whose lookups answer at once. */
    public UserProfiles() {
        this(Duration.ZERO, Duration.ZERO);
    }

    /**
     * An example whose lookups sleep for the given delays.
     *
     * @throws IllegalArgumentException when a delay is negative
     */
    public UserProfiles(Duration userDelay, Duration profileDelay) {
        this.userDelay = checkDelay("userDelay", userDelay);
        this.profileDelay = checkDelay("profileDelay", profileDelay);
    }

    /** The ids 1..n as a list. */
    public static List<Integer> ids(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("the number of ids must not be negative, got " + n);
        }
        return IntStream.rangeClosed(1, n).boxed().toList();
    }

    /** Whether the user with this id is active: every id not divisible by 3. */
    public static boolean isActive(int id) {
        return id % 3 != 0;
    }

    /**
     * The records the pipeline must produce for {@code ids}, computed directly on this thread
     * without delays, for checks.
     */
    public static List<UserProfile> expected(Iterable<Integer> ids) {
        List<UserProfile> out = new ArrayList<>();
        for (int id : ids) {
            if (isActive(id)) {
                out.add(new UserProfile(id, "username_" + id, id + 100, photoUrl(id)));
            }
        }
        return out;
    }

    /**
     * Looks up a user, after the user delay.
     *
     * @throws IllegalArgumentException when {@code id < 1}
     * @throws InterruptedException     when interrupted during the delay
     */
    public User user(int id) throws InterruptedException {
        if (id < 1) {
            throw new IllegalArgumentException("no user with id " + id + "; ids start at 1");
        }
        pause(userDelay);
        return new User(id, "username_" + id, isActive(id));
    }

    /**
     * Looks up the profile of {@code user}, after the profile delay.
     *
     * @throws InterruptedException when interrupted during the delay
     */
    public UserWithProfile profile(User user) throws InterruptedException {
        Objects.requireNonNull(user, "user");
        pause(profileDelay);
        return new UserWithProfile(user, new Profile(user.id() + 100, photoUrl(user.id())));
    }

    /** The streaming pipeline over {@code ids}, one worker per stage; extend or tune it before running. */
    public Pipeline<UserProfile> streaming(Iterable<Integer> ids) {
        return Pipeline.<Integer>from("ids", ids)
                .map("user", this::user)
                .filter("active", User::active)
                .map("profile", this::profile)
                .map("flatten", UserWithProfile::flatten);
    }

    /** The same stages run batch-per-stage on the calling thread; the returned value holds the results and timings. */
    public BatchPerStage<UserProfile> batchPerStage(Iterable<Integer> ids) {
        return BatchPerStage.<Integer>from("ids", ids)
                .map("user", this::user)
                .filter("active", User::active)
                .map("profile", this::profile)
                .map("flatten", UserWithProfile::flatten);
    }

    private static String photoUrl(int userId) {
        return "https://photos.example.com/users/" + userId + ".jpg";
    }

    private static void pause(Duration delay) throws InterruptedException {
        if (!delay.isZero()) {
            Thread.sleep(delay);
        }
    }

    private static Duration checkDelay(String name, Duration delay) {
        Objects.requireNonNull(delay, name);
        if (delay.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, got " + delay);
        }
        return delay;
    }

    @Override
    public String toString() {
        return "UserProfiles[user lookup " + userDelay.toMillis() + " ms, profile lookup " + profileDelay.toMillis() + " ms]";
    }
}
