package dev.amlsh.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PyValuesTest {
    @Test
    void floatsPrintAsPythonsRepr() {
        assertEquals("0.30000000000000004", PyValues.number(0.1 + 0.2, true));
        assertEquals("123456.789", PyValues.number(123456.789, true));
        assertEquals("0.0001", PyValues.number(1e-4, true));
        assertEquals("-2.5e-07", PyValues.number(-2.5e-7, true));
        assertEquals("1.5e+300", PyValues.number(1.5e300, true));
        assertEquals("-0.0", PyValues.floatRepr(-0.0, true));
    }

    @Test
    void integralValuesPrintWithoutFraction() {
        assertEquals("3", PyValues.number(3.0, true));
        assertEquals("3", PyValues.number(3.0f, true));
        assertEquals("20", PyValues.number(new BigDecimal("20.000"), true));
        assertEquals("1e+16", PyValues.number(1e16, true));
    }

    @Test
    void strOfScalars() {
        assertEquals("None", PyValues.str(JsonNull.INSTANCE));
        assertEquals("True", PyValues.str(new JsonPrimitive(true)));
        assertEquals("x y", PyValues.str(new JsonPrimitive("x y")));
        assertEquals("inf", PyValues.str(new JsonPrimitive(Double.POSITIVE_INFINITY)));
    }

    @Test
    void keysSortByCodePointLikePython() {
        assertEquals(-1, Integer.signum(PyValues.KEY_ORDER.compare("B", "a")));
        assertEquals(1, Integer.signum(PyValues.KEY_ORDER.compare("\uD83D\uDE00", "\uFF21")));
    }
}
