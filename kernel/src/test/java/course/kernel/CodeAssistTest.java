package course.kernel;

import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Completion, inspection and is_complete, on cells of one and of several snippets. */
class CodeAssistTest {
    static CourseKernel kernel;

    @BeforeAll
    static void start() {
        kernel = TestKernel.get();
    }

    @Test
    void completionSuggestsMembers() {
        String code = "List.of(1).siz";
        ReplacementOptions options = kernel.complete(code, code.length());
        assertTrue(options.getReplacements().stream().anyMatch(s -> s.startsWith("size")), options.getReplacements().toString());
        assertEquals(code.length() - 3, options.getSourceStart());
    }

    @Test
    void completionWorksInALaterSnippetOfTheCell() {
        kernel.evalRaw("String text = \"x\";");
        String code = "int a = 1;\nint b = 2;\ntext.toUpp";
        ReplacementOptions options = kernel.complete(code, code.length());
        assertTrue(options.getReplacements().stream().anyMatch(s -> s.startsWith("toUpperCase")), options.getReplacements().toString());
        assertEquals(code.length() - 5, options.getSourceStart());
    }

    @Test
    void inspectionShowsTheSignature() {
        DisplayData data = kernel.inspect("Math.max(1, 2)", 6, true);
        String text = (String) data.getData(MIMEType.TEXT_PLAIN);
        assertTrue(text.contains("max("), text);
    }

    @Test
    void isCompleteTellsCompleteFromIncompleteAndInvalid() {
        assertEquals("complete", kernel.isComplete("int a = 1;"));
        assertTrue(kernel.isComplete("void f() {").isBlank(), "an open brace asks for more input");
        assertEquals("invalid", kernel.isComplete("int 1x = ;"));
    }
}
