package course.kernel;

/**
 * The errors a cell can end with, each named for what went wrong so that the notebook's
 * error banner (which shows the exception's simple class name) reads well.
 */
final class KernelErrors {
    private KernelErrors() {
    }

    /** The cell does not compile. The message lists each diagnostic with its line. */
    static final class CompilationException extends RuntimeException {
        CompilationException(String message) {
            super(message, null, false, false);
        }
    }

    /** The cell ends in the middle of a statement, for example with an unclosed brace. */
    static final class IncompleteInputException extends RuntimeException {
        IncompleteInputException(String message) {
            super(message, null, false, false);
        }
    }

    /** The cell was interrupted from the notebook (the stop button, or an interrupt request). */
    static final class InterruptedCellException extends RuntimeException {
        InterruptedCellException() {
            super("the cell was interrupted", null, false, false);
        }
    }

    /** The cell used a declaration that refers to something not defined yet. */
    static final class UnresolvedReferenceException extends RuntimeException {
        UnresolvedReferenceException(String message) {
            super(message, null, false, false);
        }
    }

    /** A {@code %name} or {@code %%name} that the kernel does not know, or was used wrongly. */
    static final class MagicException extends RuntimeException {
        MagicException(String message) {
            super(message, null, false, false);
        }

        MagicException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Carries a user {@link Error} (a stack overflow, a failed assertion) through the base
     * kernel, which only reports exceptions. The message starts with the error's real class.
     */
    static final class UserError extends RuntimeException {
        UserError(Error error) {
            super(error.getClass().getName() + (error.getMessage() == null ? "" : ": " + error.getMessage()), error);
        }
    }

    /** Throws any throwable without declaring it; used to rethrow a user's checked exception as is. */
    @SuppressWarnings("unchecked")
    static <T extends Throwable> RuntimeException sneakyThrow(Throwable t) throws T {
        throw (T) t;
    }
}
