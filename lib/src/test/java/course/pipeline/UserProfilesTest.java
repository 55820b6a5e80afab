package course.pipeline;

import course.pipeline.UserProfiles.UserProfile;
import course.testing.Delays;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserProfilesTest {
    /** The one delay unit of this class. */
    static final Duration SHORT = Delays.SHORT.dividedBy(20);

    @Test
    void ids1To100YieldExactlyThe67ActiveUsers() {
        List<UserProfile> records = new UserProfiles().streaming(UserProfiles.ids(100)).toList();
        assertEquals(UserProfiles.ACTIVE_OF_FIRST_100, records.size());
        assertEquals(67, records.size());
        List<Integer> expectedIds = IntStream.rangeClosed(1, 100).filter(id -> id % 3 != 0).boxed().toList();
        assertEquals(expectedIds, records.stream().map(UserProfile::userId).toList());
        assertEquals(UserProfiles.expected(UserProfiles.ids(100)), records);
    }

    @Test
    void aRecordCarriesTheUsernameProfileIdAndPhotoUrl() {
        UserProfile first = new UserProfiles().streaming(List.of(7)).toList().getFirst();
        assertEquals(new UserProfile(7, "username_7", 107, "https://photos.example.com/users/7.jpg"), first);
    }

    @Test
    void batchPerStageGivesTheSame67Records() {
        BatchPerStage<UserProfile> batch = new UserProfiles().batchPerStage(UserProfiles.ids(100));
        assertEquals(UserProfiles.expected(UserProfiles.ids(100)), batch.toList());
        assertEquals(List.of("ids", "user", "active", "profile", "flatten"), List.copyOf(batch.timings().keySet()));
    }

    @Test
    void fanningOutTheLookupsGivesTheSameRecordsInSomeOrder() {
        UserProfiles slow = new UserProfiles(SHORT, SHORT);
        List<UserProfile> records = Pipeline.<Integer>from("ids", UserProfiles.ids(100))
                .map("user", slow::user).workers(4)
                .filter("active", UserProfiles.User::active)
                .map("profile", slow::profile).workers(4)
                .map("flatten", UserProfiles.UserWithProfile::flatten)
                .toList();
        List<UserProfile> sorted = records.stream().sorted(Comparator.comparingInt(UserProfile::userId)).toList();
        assertEquals(UserProfiles.expected(UserProfiles.ids(100)), sorted);
    }

    @Test
    void theOriginalsZeroIdsFailTheUserStage() {
        List<Integer> sliced = new ArrayList<>(Collections.nCopies(100, 0));
        sliced.addAll(UserProfiles.ids(100));
        PipelineException e = assertThrows(PipelineException.class, () -> new UserProfiles().streaming(sliced).toList());
        assertEquals("user", e.stage());
        assertEquals(0, e.item().orElseThrow());
        assertEquals("stage 'user' failed on item 0: java.lang.IllegalArgumentException: no user with id 0; ids start at 1",
                e.getMessage());
    }

    @Test
    void usersWithIdsDivisibleByThreeAreInactive() throws InterruptedException {
        UserProfiles example = new UserProfiles();
        assertFalse(example.user(3).active());
        assertTrue(example.user(4).active());
        assertEquals("username_99", example.user(99).username());
    }

    @Test
    void badArgumentsAreRejectedWithClearMessages() {
        assertEquals("userDelay must not be negative, got PT-0.001S", assertThrows(IllegalArgumentException.class,
                () -> new UserProfiles(Duration.ofMillis(-1), Duration.ZERO)).getMessage());
        assertEquals("the number of ids must not be negative, got -1",
                assertThrows(IllegalArgumentException.class, () -> UserProfiles.ids(-1)).getMessage());
        assertThrows(NullPointerException.class, () -> new UserProfiles(null, Duration.ZERO));
    }
}
