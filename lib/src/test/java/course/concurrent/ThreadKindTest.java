package course.concurrent;

import course.testing.Delays;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThreadKindTest {
    @Test
    void platformThreadsAreNamedDaemons() throws InterruptedException {
        Thread t = ThreadKind.PLATFORM.start("kind-test-platform", () -> { });
        assertTrue(t.join(Delays.LONG), "the thread did not end");
        assertEquals("kind-test-platform", t.getName());
        assertTrue(t.isDaemon());
        assertFalse(t.isVirtual());
        Thread u = ThreadKind.PLATFORM.builder("kind-test-").unstarted(() -> { });
        assertEquals("kind-test-0", u.getName());
    }

    @Test
    void virtualThreadsAreNamedAndVirtual() throws InterruptedException {
        Thread t = ThreadKind.VIRTUAL.start("kind-test-virtual", () -> { });
        assertTrue(t.join(Delays.LONG), "the thread did not end");
        assertEquals("kind-test-virtual", t.getName());
        assertTrue(t.isVirtual());
        assertTrue(ThreadKind.VIRTUAL.builder("v-").unstarted(() -> { }).isVirtual());
    }

    @Test
    void anUnnamedBuilderMakesThreadsOfItsKind() {
        Thread platform = ThreadKind.PLATFORM.builder().unstarted(() -> { });
        assertTrue(platform.isDaemon());
        assertFalse(platform.isVirtual());
        assertTrue(ThreadKind.VIRTUAL.builder().unstarted(() -> { }).isVirtual());
    }
}
