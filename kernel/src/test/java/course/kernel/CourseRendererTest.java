package course.kernel;

import com.google.gson.JsonElement;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

class CourseRendererTest {
    @Test
    void jsonIsSentAsJsonNotAsAString() {
        DisplayData data = new DisplayData();
        data.putJSON("{\"workers\": 4}");
        Object json = CourseRenderer.withJson(data).getData(MIMEType.APPLICATION_JSON);
        JsonElement element = assertInstanceOf(JsonElement.class, json);
        assertEquals(4, element.getAsJsonObject().get("workers").getAsInt());
    }

    @Test
    void aStringRenderedAsJsonBecomesJson() {
        CourseRenderer renderer = new CourseRenderer();
        org.dflib.jjava.jupyter.kernel.display.common.Text.registerAll(renderer);
        DisplayData data = renderer.renderAs("[1, 2]", "application/json");
        JsonElement element = assertInstanceOf(JsonElement.class, data.getData(MIMEType.APPLICATION_JSON));
        assertEquals(2, element.getAsJsonArray().size());
    }

    @Test
    void displayDataIsShownAsItIs() {
        DisplayData data = new DisplayData("as is");
        assertSame(data, new CourseRenderer().render(data));
    }
}
