package course.kernel;

import com.google.gson.JsonElement;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void anImageThatNamesItsDisplayWidthIsSentWithIt() {
        CourseRenderer renderer = new CourseRenderer();
        org.dflib.jjava.jupyter.kernel.display.common.Image.registerAll(renderer);
        java.awt.image.BufferedImage plain = new java.awt.image.BufferedImage(8, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var properties = new java.util.Hashtable<String, Object>();
        properties.put(CourseRenderer.DISPLAY_WIDTH, 4);
        java.awt.image.BufferedImage sharp = new java.awt.image.BufferedImage(plain.getColorModel(), plain.getRaster(), false, properties);
        String json = new com.google.gson.Gson().toJson(renderer.render(sharp));
        assertTrue(json.contains("\"metadata\":{\"image/png\":{\"width\":4}}"), json);
        assertTrue(new com.google.gson.Gson().toJson(renderer.render(plain)).contains("\"metadata\":{}"));
    }

    @Test
    void displayDataIsShownAsItIs() {
        DisplayData data = new DisplayData("as is");
        assertSame(data, new CourseRenderer().render(data));
    }
}
