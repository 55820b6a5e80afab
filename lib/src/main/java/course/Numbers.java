package course;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * How the course prints a measured number, in observations and on charts alike: three
 * significant figures in plain digits ({@code 0.0123}, {@code 1.93}, {@code 3.00}, {@code 12,300}),
 * so a measured 3.002 does not read as an exact 3; whole numbers in full with thousands
 * separated ({@code 2,000}).
 */
public final class Numbers {
    private Numbers() {
    }

    /** {@code value} to three significant figures, in plain digits. */
    public static String plain(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(3));
        if (rounded.abs().compareTo(BigDecimal.valueOf(1000)) >= 0) {
            return String.format(Locale.ROOT, "%,d", rounded.longValue());
        }
        return rounded.setScale(Math.max(0, 3 - rounded.precision() + rounded.scale())).toPlainString();
    }
}
