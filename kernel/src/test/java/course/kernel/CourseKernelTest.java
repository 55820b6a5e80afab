package course.kernel;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives {@link CourseKernel} directly, without Jupyter: what {@code evalRaw} returns and how it renders. */
class CourseKernelTest {
    static CourseKernel kernel;

    @BeforeAll
    static void start() {
        kernel = TestKernel.get();
    }

    @Test
    void aNullValueIsShownAsNull() {
        DisplayData data = assertInstanceOf(DisplayData.class, kernel.evalRaw("(String) null"));
        assertEquals("null", data.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void anImageIsRenderedAsPng() {
        Object value = kernel.evalRaw("new java.awt.image.BufferedImage(4, 3, java.awt.image.BufferedImage.TYPE_INT_RGB)");
        BufferedImage image = assertInstanceOf(BufferedImage.class, value);
        assertEquals(4, image.getWidth());
        DisplayData data = kernel.getRenderer().render(value);
        assertTrue(data.hasDataForType(MIMEType.IMAGE_PNG), "a RenderedImage must render as image/png");
    }
}
