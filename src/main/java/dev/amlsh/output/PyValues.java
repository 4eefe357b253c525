package dev.amlsh.output;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.internal.LazilyParsedNumber;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scalars spelt the way the Azure CLI's Python prints them: {@code str()} for table and tsv cells,
 * {@code repr()} of numbers for JSON, and keys in Python's sort order.
 */
final class PyValues {
    /** Python compares strings by code point; Java's compareTo by UTF-16 unit differs above U+FFFF. */
    static final Comparator<String> KEY_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    private PyValues() {
    }

    /** The members of an object, sorted by key or in their own order. */
    static List<Map.Entry<String, JsonElement>> entries(JsonObject object, boolean sorted) {
        List<Map.Entry<String, JsonElement>> entries = new ArrayList<>(object.entrySet());
        if (sorted) {
            entries.sort(Map.Entry.comparingByKey(KEY_ORDER));
        }
        return entries;
    }

    /** Python's {@code str()} of a JSON scalar: None, True/False, text as is, numbers as JSON spells them. */
    static String str(JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return "None";
        }
        JsonPrimitive p = value.getAsJsonPrimitive();
        if (p.isBoolean()) {
            return p.getAsBoolean() ? "True" : "False";
        }
        if (p.isNumber()) {
            return number(p.getAsNumber(), false);
        }
        return p.getAsString();
    }

    /**
     * A number as Python prints it: integers without a fraction, floats by shortest repr. Integral
     * doubles print as integers too, because in Java they mostly come from an integer that went through
     * a {@code double} (gson's maps, jmespath's {@code sum}), where the CLI would still hold an int.
     */
    static String number(Number n, boolean json) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || n instanceof BigInteger) {
            return n.toString();
        }
        if (n instanceof LazilyParsedNumber) {
            String text = n.toString();
            boolean integral = text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
            return integral ? new BigInteger(text).toString() : floatRepr(Double.parseDouble(text), json);
        }
        if (n instanceof BigDecimal big) {
            BigDecimal stripped = big.stripTrailingZeros();
            return stripped.scale() <= 0 ? stripped.toBigIntegerExact().toString() : floatRepr(big.doubleValue(), json);
        }
        double d = n instanceof Float f ? Double.parseDouble(Float.toString(f)) : n.doubleValue();
        if (Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 1e16) {
            return Long.toString((long) d);
        }
        return floatRepr(d, json);
    }

    /** Python's {@code repr(float)}: fixed notation for exponents -4 to 15, else {@code 1.5e-05}. */
    static String floatRepr(double d, boolean json) {
        if (Double.isNaN(d)) {
            return json ? "NaN" : "nan";
        }
        if (Double.isInfinite(d)) {
            String inf = json ? "Infinity" : "inf";
            return d > 0 ? inf : "-" + inf;
        }
        String sign = (d < 0 || (d == 0 && 1 / d < 0)) ? "-" : "";
        if (d == 0) {
            return sign + "0.0";
        }
        BigDecimal value = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = value.unscaledValue().toString();
        int exponent = digits.length() - 1 - value.scale();
        if (exponent >= -4 && exponent < 16) {
            String plain = value.toPlainString();
            return sign + (plain.indexOf('.') < 0 ? plain + ".0" : plain);
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String exp = String.format(Locale.ROOT, "%02d", Math.abs(exponent));
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
    }
}
