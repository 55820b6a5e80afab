package course.prove;

import course.semaphore.TokenSemaphore;
import org.jetbrains.lincheck.datastructures.Operation;

/**
 * Lincheck's view of {@link TokenSemaphore} with 2 slots: the operations that return without
 * waiting ({@code tryAcquire}, {@code release}, the accounting), checked for linearizability
 * against the same class run by one thread. {@code acquire} and {@code awaitAll} wait, and a
 * Lincheck operation must return, so they are left out; so is {@code close}.
 */
public class SemaphoreLincheck {
    private final TokenSemaphore semaphore = new TokenSemaphore(2);

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

    @Operation
    public int free() {
        return semaphore.free();
    }
}
