package course.kernel;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Running snippets in the kernel's JVM: the cell's thread, and stopping a running cell. */
class InProcessExecutionControlTest {
    /** The one delay every timing here is scaled from. */
    static final Duration DELAY = Duration.ofMillis(300);
    /**
     * Tells a cell the interrupt stopped from one that ran on: far above any machine's stop time
     * and far below the cells' own length, so a slow machine cannot fail the test.
     */
    static final Duration INTERRUPT_BOUND = DELAY.multipliedBy(60);

    static CourseKernel kernel;

    @BeforeAll
    static void start() {
        kernel = TestKernel.get();
    }

    @Test
    void aThreadACellCreatesIsNotADaemonEvenWhenTheKernelsThreadIs() throws Exception {
        // Jupyter's requests arrive on the kernel's daemon threads; evaluate from one such.
        AtomicReference<Object> created = new AtomicReference<>();
        AtomicReference<Object> cell = new AtomicReference<>();
        Thread requests = new Thread(() -> {
            created.set(kernel.evalRaw("new Thread(() -> {}).isDaemon()"));
            cell.set(kernel.evalRaw("Thread.currentThread().isDaemon()"));
        });
        requests.setDaemon(true);
        requests.start();
        requests.join();
        assertEquals(false, created.get());
        assertEquals(false, cell.get());
    }

    @Test
    void interruptStopsASleepingCell() throws Exception {
        assertInterruptStops("Thread.sleep(60_000);");
    }

    @Test
    void interruptStopsACellBlockedOnAQueue() throws Exception {
        assertInterruptStops("new ArrayBlockingQueue<Integer>(1).take();");
    }

    @Test
    void interruptStopsABusyLoop() throws Exception {
        assertInterruptStops("long spins = 0; while (true) { spins++; }");
    }

    /** Set by a cell under test once it runs, so that the interrupt is not sent too early. */
    static final String RUNNING = "course.kernel.test.running";

    private void assertInterruptStops(String cell) throws Exception {
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        System.clearProperty(RUNNING);
        Thread runner = new Thread(() -> {
            try {
                kernel.evalRaw("System.setProperty(\"" + RUNNING + "\", \"yes\");\n" + cell);
            } catch (Throwable e) {
                outcome.set(e);
            }
        }, "test-cell-runner");
        runner.start();
        long waitUntil = System.nanoTime() + INTERRUPT_BOUND.toNanos() * 10;
        while (System.getProperty(RUNNING) == null && runner.isAlive() && System.nanoTime() < waitUntil) {
            Thread.sleep(10);
        }
        assertTrue(System.getProperty(RUNNING) != null, "the cell never started: " + outcome.get());
        Thread.sleep(DELAY.toMillis());
        long start = System.nanoTime();
        kernel.interrupt();
        runner.join(INTERRUPT_BOUND.toMillis());
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        if (runner.isAlive()) {
            runner.interrupt();
            runner.join();
        }
        assertTrue(tookMillis <= INTERRUPT_BOUND.toMillis(), "the cell kept running for " + tookMillis + " ms");
        assertEquals("InterruptedCellException", outcome.get() == null ? "no error" : outcome.get().getClass().getSimpleName(),
                "the cell must report that it was interrupted");
        assertEquals(2, kernel.evalRaw("1 + 1"), "the next cell must run normally");
    }
}
