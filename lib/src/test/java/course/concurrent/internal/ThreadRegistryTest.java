package course.concurrent.internal;

import course.testing.Delays;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThreadRegistryTest {
    @Test
    void aThreadIsLiveFromItsMakingUntilItsTaskEnds() throws InterruptedException {
        ThreadRegistry registry = new ThreadRegistry();
        CountDownLatch release = new CountDownLatch(1);
        Thread t = registry.unstarted(Thread.ofPlatform().name("registry-test-b"), () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread u = registry.unstarted(Thread.ofVirtual().name("registry-test-a"), release::countDown);
        assertEquals(2, registry.live(), "a thread made but not started is not counted");
        registry.start(t);
        assertEquals(List.of("registry-test-a", "registry-test-b"), registry.liveNames());
        registry.start(u);
        assertTrue(t.join(Delays.LONG) && u.join(Delays.LONG), "a thread did not end");
        assertEquals(0, registry.live(), "a thread that finished its task is still counted");
        assertEquals(List.of(), registry.liveNames());
    }

    @Test
    void aTaskThatThrowsStillLeavesTheRegistry() throws InterruptedException {
        ThreadRegistry registry = new ThreadRegistry();
        Thread t = registry.unstarted(Thread.ofPlatform().name("registry-test-throws"), () -> {
            throw new IllegalStateException("on purpose");
        });
        t.setUncaughtExceptionHandler((thread, e) -> { });
        registry.start(t);
        assertTrue(t.join(Delays.LONG), "the thread did not end");
        assertEquals(0, registry.live());
    }

    @Test
    void aThreadThatNeverStartsIsForgotten() {
        ThreadRegistry registry = new ThreadRegistry();
        Thread t = registry.unstarted(Thread.ofVirtual().name("registry-test-never"), () -> { });
        registry.forget(t);
        assertEquals(0, registry.live());
        assertEquals(List.of(), registry.liveNames());
    }
}
