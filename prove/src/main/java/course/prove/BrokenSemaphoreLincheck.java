package course.prove;

import org.jetbrains.lincheck.datastructures.Operation;

/** Lincheck's view of {@link CheckThenActSemaphore} with 1 slot: the same operations as {@link SemaphoreLincheck}. */
public class BrokenSemaphoreLincheck {
    private final CheckThenActSemaphore semaphore = new CheckThenActSemaphore(1);

    @Operation
    public boolean tryAcquire() {
        return semaphore.tryAcquire();
    }

    @Operation
    public void release() {
        semaphore.release();
    }

    @Operation
    public int inUse() {
        return semaphore.inUse();
    }
}
