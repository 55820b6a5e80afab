package course.kernel;

import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs JShell snippets inside the kernel's own JVM, and keeps the live values they produce.
 *
 * <p>The JDK's {@link LocalExecutionControl} already runs snippets in-process and weaves a
 * stop check into every loop of user code. This subclass adds what a notebook kernel
 * needs on top of it:
 * <ul>
 *   <li>the value of an expression is kept as a live object (JShell only sees a key),
 *       so the kernel can render a chart as an image rather than as a string;</li>
 *   <li>the exception a snippet throws is kept as the real {@link Throwable}, so the
 *       kernel can report its true class, message and stack trace;</li>
 *   <li>{@link #stop()} interrupts the snippet's thread (which wakes a sleep or a blocked
 *       queue) and raises the woven stop check (which ends a busy loop);</li>
 *   <li>{@code System.exit} in a cell's code ends the cell with a {@link SystemExitError},
 *       not the kernel's JVM.</li>
 * </ul>
 *
 * <p>Each snippet runs on a fresh platform thread in its own thread group, as in the JDK. That
 * thread is not a daemon (the kernel's request threads are), so a thread a cell creates with
 * {@code new Thread(...)} is not a daemon either, as in a plain Java program's {@code main};
 * the kernel ends its JVM on shutdown and restart whatever such threads still run.
 */
public final class InProcessExecutionControl extends LocalExecutionControl {
    /** The class the JDK generates to hold the stop flag that woven user code checks. */
    private static final String CANCEL_CLASS = "REPL.$Cancel$";

    /** Live results by key; filled by {@link #invoke(Method)}, drained by {@link #takeValue}. */
    private final Map<String, Object> values = new ConcurrentHashMap<>();
    private final AtomicLong keys = new AtomicLong();

    /** Guards {@link #running} and {@link #stopRequested}. */
    private final Object lock = new Object();
    /** The thread running the current snippet, or null between snippets. Guarded by {@link #lock}. */
    private Thread running;
    /** Whether {@link #stop()} was called while the current snippet ran. Guarded by {@link #lock}. */
    private boolean stopRequested;
    /**
     * Whether {@link #stop()} was called between snippets of a cell (while JShell compiled, say);
     * the next snippet then stops before it starts. Guarded by {@link #lock}; cleared by
     * {@link #clearPendingStop()} when a cell begins.
     */
    private boolean pendingStop;

    /** The stop flag of the generated cancel class; null until the first snippet has run. */
    private volatile Field allStop;
    /** The failure of the last snippet that threw, kept for the kernel's error report. */
    private volatile Throwable lastFailure;
    /** Whether the last snippet ended because it was stopped; cleared by {@link #takeStopped()}. */
    private volatile boolean lastStopped;

    public InProcessExecutionControl(ClassLoader parent) {
        super(parent);
    }

    /** A provider that hands JShell this control. */
    public static ExecutionControlProvider provider(InProcessExecutionControl control) {
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "course-in-process";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return control;
            }
        };
    }

    /** Loads a cell's classes with their calls of System.exit rewritten (then the JDK weaves its stop checks). */
    @Override
    public void load(ClassBytecodes[] classes)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        ClassBytecodes[] woven = new ClassBytecodes[classes.length];
        for (int i = 0; i < classes.length; i++) {
            woven[i] = new ClassBytecodes(classes[i].name(), SystemExitError.weave(classes[i].bytecodes()));
        }
        super.load(woven);
    }

    /** Does nothing; run once through the JDK's path so that it generates the cancel class. */
    public static void noop() {
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        ensureCancelClass();
        allStop.set(null, false);
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        ThreadGroup group = new ThreadGroup("notebook cell");
        Thread thread = new Thread(group, () -> {
            try {
                result[0] = doitMethod.invoke(null);
            } catch (InvocationTargetException e) {
                failure[0] = e.getCause();
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "notebook-cell");
        // Explicit: a new thread inherits its creator's daemon flag, and the creator here is the
        // kernel's daemon request thread; the threads the cell starts inherit this one's.
        thread.setDaemon(false);
        synchronized (lock) {
            if (pendingStop) {
                pendingStop = false;
                lastStopped = true;
                throw new StoppedException();
            }
            running = thread;
            stopRequested = false;
        }
        boolean stopped;
        try {
            thread.start();
            thread.join();
        } finally {
            synchronized (lock) {
                running = null;
                stopped = stopRequested;
            }
        }
        Throwable thrown = failure[0];
        // A stopped snippet ends in the woven stop check's ThreadDeath, or wakes from a sleep or a
        // blocked queue with an InterruptedException (perhaps wrapped), or had just finished.
        lastStopped = thrown instanceof ThreadDeath || stopped && (thrown == null
                || thrown instanceof InterruptedException || thrown.getCause() instanceof InterruptedException);
        if (lastStopped) {
            throw new StoppedException();
        }
        if (thrown != null) {
            lastFailure = thrown;
            throw new InvocationTargetException(thrown);
        }
        String key = "#value-" + keys.incrementAndGet();
        values.put(key, result[0] == null ? NULL : result[0]);
        return key;
    }

    private static final Object NULL = new Object();

    /** Whether {@code value}, the value JShell reported for a snippet, is the key of a live result. */
    public boolean isValueKey(String value) {
        return value != null && values.containsKey(value);
    }

    /** Removes and returns the live object behind {@code key}; null for a null value. */
    public Object takeValue(String key) {
        Object value = values.remove(key);
        return value == NULL ? null : value;
    }

    /** Forgets every kept value, so a cell's results do not outlive the next cell. */
    public void clearValues() {
        values.clear();
    }

    /** Removes and returns the real failure of the last snippet that threw. */
    public Throwable takeFailure() {
        Throwable failure = lastFailure;
        lastFailure = null;
        return failure;
    }

    /** Forgets a stop that arrived before the current cell began. */
    public void clearPendingStop() {
        synchronized (lock) {
            pendingStop = false;
        }
    }

    /** Whether the last snippet was stopped by {@link #stop()}; clears the answer. */
    public boolean takeStopped() {
        boolean stopped = lastStopped;
        lastStopped = false;
        return stopped;
    }

    @Override
    public void stop() {
        synchronized (lock) {
            if (running == null) {
                pendingStop = true;
                return;
            }
            stopRequested = true;
            try {
                Field flag = allStop;
                if (flag != null) {
                    flag.set(null, true);
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot raise the stop flag", e);
            }
            ThreadGroup group = running.getThreadGroup();
            if (group != null) {
                Thread[] threads = new Thread[group.activeCount() + 8];
                int count = group.enumerate(threads);
                for (int i = 0; i < count; i++) {
                    threads[i].interrupt();
                }
            }
            running.interrupt();
        }
    }

    private void ensureCancelClass() throws Exception {
        if (allStop != null) {
            return;
        }
        // The JDK's own invoke generates and loads the cancel class on its first call.
        super.invoke(InProcessExecutionControl.class.getMethod("noop"));
        Field field = findClass(CANCEL_CLASS).getDeclaredField("allStop");
        field.setAccessible(true);
        allStop = field;
    }
}
