package course.kernel;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeElement;
import java.lang.classfile.Opcode;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;

/**
 * What {@code System.exit(status)} (and {@code Runtime.exit}, {@code Runtime.halt}) does in a
 * cell: it ends the cell with this error instead of the kernel's JVM, as other kernels do
 * (IPython raises {@code SystemExit}). The kernel rewrites those calls in every class a cell
 * compiles ({@link #weave}); code in jars on the class path is left as it is.
 *
 * <pre>{@code
 * System.exit(3);    // SystemExitError: System.exit(3) ends the cell here; the kernel keeps running
 * }</pre>
 */
public final class SystemExitError extends Error {
    private static final ClassDesc SELF = ClassDesc.of(SystemExitError.class.getName());
    private static final MethodTypeDesc STATUS = MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_int);
    private static final MethodTypeDesc RUNTIME_STATUS =
            MethodTypeDesc.of(ConstantDescs.CD_void, ClassDesc.of("java.lang.Runtime"), ConstantDescs.CD_int);

    private final int status;

    private SystemExitError(String call, int status) {
        super(call + "(" + status + ") ends the cell here; the kernel keeps running");
        this.status = status;
    }

    /** The status the cell passed. */
    public int status() {
        return status;
    }

    /** Replaces {@code System.exit(status)} in a cell. */
    public static void exit(int status) {
        throw new SystemExitError("System.exit", status);
    }

    /** Replaces {@code Runtime.getRuntime().exit(status)} in a cell. */
    public static void exit(Runtime runtime, int status) {
        throw new SystemExitError("Runtime.exit", status);
    }

    /** Replaces {@code Runtime.getRuntime().halt(status)} in a cell. */
    public static void halt(Runtime runtime, int status) {
        throw new SystemExitError("Runtime.halt", status);
    }

    /** The class file with its calls of System.exit, Runtime.exit and Runtime.halt sent here instead. */
    static byte[] weave(byte[] classFile) {
        ClassFile files = ClassFile.of();
        ClassModel model = files.parse(classFile);
        return files.transformClass(model, ClassTransform.transformingMethodBodies((code, element) -> {
            String target = exitTarget(element);
            if (target == null) {
                code.with(element);
            } else if (target.equals("System.exit")) {
                code.invokestatic(SELF, "exit", STATUS);
            } else {
                code.invokestatic(SELF, target.equals("Runtime.exit") ? "exit" : "halt", RUNTIME_STATUS);
            }
        }));
    }

    private static String exitTarget(CodeElement element) {
        if (!(element instanceof InvokeInstruction call) || !call.typeSymbol().equals(STATUS)) {
            return null;
        }
        String owner = call.owner().asInternalName();
        String name = call.name().stringValue();
        if (call.opcode() == Opcode.INVOKESTATIC && owner.equals("java/lang/System") && name.equals("exit")) {
            return "System.exit";
        }
        if (call.opcode() == Opcode.INVOKEVIRTUAL && owner.equals("java/lang/Runtime")
                && (name.equals("exit") || name.equals("halt"))) {
            return "Runtime." + name;
        }
        return null;
    }
}
