package course.semaphore;

import course.testing.TestThreads;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoundedTaskTest {
    @Test
    void aThrowingTaskCountsOneFailureAndKeepsItsException() {
        AtomicLong failures = new AtomicLong();
        BoundedTask<Integer> task = new BoundedTask<>(() -> {
            throw new IllegalStateException("boom");
        }, failures);
        task.runHere();
        ExecutionException e = assertThrows(ExecutionException.class, task::get);
        assertEquals("boom", e.getCause().getMessage());
        assertEquals(1, failures.get());
    }

    @Test
    void aCancellationIsNotAFailure() throws Exception {
        AtomicLong failures = new AtomicLong();
        CountDownLatch started = new CountDownLatch(1);
        BoundedTask<Void> task = new BoundedTask<>(() -> {
            started.countDown();
            Thread.sleep(60_000);                  // ends by an interrupt, as a cancelled task does
            return null;
        }, failures);
        TestThreads threads = new TestThreads("bt-cancel");
        threads.start(task::runHere);
        started.await();
        assertTrue(task.cancel(true));
        threads.joinAll();
        assertTrue(task.isCancelled());
        assertEquals(0, failures.get());
    }

    @Test
    void itRemembersTheThreadThatRanIt() throws Exception {
        BoundedTask<Thread> task = new BoundedTask<>(Thread::currentThread, new AtomicLong());
        assertNull(task.thread(), "no thread before it runs");
        assertFalse(task.threadEnded());
        TestThreads threads = new TestThreads("bt-thread");
        Thread runner = threads.start(task::runHere);
        threads.joinAll();
        assertSame(runner, task.thread());
        assertSame(runner, task.get());
        assertTrue(task.threadEnded());
    }
}
