package course.kernel;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

import java.awt.image.RenderedImage;
import java.util.Map;

/**
 * The base renderer, with two fixes: a {@link DisplayData} passed to {@code display(...)} is
 * shown as it is (not as its {@code toString()}), and {@code application/json} data is sent as
 * JSON, not as a string holding JSON (which front ends show as a quoted string, or reject).
 *
 * <p>An image that carries the property {@value #DISPLAY_WIDTH} (a number of CSS pixels, as a
 * {@link java.awt.image.BufferedImage} made with a properties table can) is sent with that
 * width in its metadata, so an image drawn at twice its size is shown at its size, and sharp
 * on a high-density screen.
 *
 * <pre>{@code
 * DisplayData data = new DisplayData();
 * data.putJSON("{\"workers\": 4}");
 * display(data);      // {"application/json": {"workers": 4}, ...}
 * }</pre>
 */
final class CourseRenderer extends Renderer {
    /** The image property that gives the width to show an image at, in CSS pixels. */
    static final String DISPLAY_WIDTH = "display.width";

    @Override
    public DisplayData render(Object value, Map<String, Object> params) {
        return value instanceof DisplayData data ? withJson(data) : withJson(withWidth(super.render(value, params), value));
    }

    /** {@code data} with the display width of {@code value}, an image that names one, in its metadata. */
    static DisplayData withWidth(DisplayData data, Object value) {
        if (value instanceof RenderedImage image && image.getProperty(DISPLAY_WIDTH) instanceof Number width
                && data.hasDataForType(MIMEType.IMAGE_PNG)) {
            data.putMetaData(MIMEType.IMAGE_PNG, Map.of("width", width.intValue()));
        }
        return data;
    }

    @Override
    public DisplayData renderAs(Object value, Map<String, Object> params, String... types) {
        return value instanceof DisplayData data ? withJson(data) : withJson(super.renderAs(value, params, types));
    }

    /** {@code data} with a string of {@code application/json} replaced by the JSON it holds. */
    static DisplayData withJson(DisplayData data) {
        if (data != null && data.getData(MIMEType.APPLICATION_JSON) instanceof CharSequence text) {
            data.putData(MIMEType.APPLICATION_JSON, parse(text.toString()));
        }
        return data;
    }

    private static JsonElement parse(String text) {
        try {
            return JsonParser.parseString(text);
        } catch (JsonParseException e) {
            return new JsonPrimitive(text);     // not JSON: still valid JSON, as a string
        }
    }
}
