package dev.amlsh.output;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import io.burt.jmespath.Expression;
import io.burt.jmespath.JmesPathException;
import io.burt.jmespath.gson.GsonRuntime;
import io.burt.jmespath.parser.ParseError;
import io.burt.jmespath.parser.ParseException;

/**
 * A compiled {@code --query}: a JMESPath expression, case-sensitive as the language is, applied to a
 * command's result before it is formatted.
 *
 * <pre>{@code
 * Query query = Query.compile("[?location=='eastus'].name");
 * JsonElement names = query.apply(groups); // ["rg1", "rg3"]
 * }</pre>
 */
public final class Query {
    // The runtime holds only the function registry, so one instance serves every thread.
    private static final GsonRuntime RUNTIME = new GsonRuntime();

    private final String text;
    private final Expression<JsonElement> expression;

    private Query(String text, Expression<JsonElement> expression) {
        this.text = text;
        this.expression = expression;
    }

    /**
     * Compiles a JMESPath expression.
     *
     * @throws QueryException when it is empty or not valid JMESPath, naming the column of the problem
     */
    public static Query compile(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new QueryException("--query: the JMESPath expression is empty", null);
        }
        try {
            return new Query(expression, RUNTIME.compile(expression));
        } catch (ParseException e) {
            throw new QueryException(describe(e), e);
        } catch (JmesPathException e) {
            throw new QueryException("--query: invalid JMESPath: " + oneLine(e.getMessage()), e);
        }
    }

    /**
     * Evaluates the expression; a {@code null} input counts as JSON null.
     *
     * @throws QueryException when a function gets an argument of the wrong type, as {@code length(name)} on a list
     */
    public JsonElement apply(JsonElement input) {
        JsonElement value = input == null ? JsonNull.INSTANCE : input;
        try {
            JsonElement result = expression.search(value);
            return result == null ? JsonNull.INSTANCE : result;
        } catch (JmesPathException e) {
            throw new QueryException("--query: cannot evaluate '" + text + "': " + oneLine(e.getMessage()), e);
        }
    }

    /** The expression as written. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    private static String describe(ParseException e) {
        for (ParseError error : e) {
            String message = error.message().replaceFirst("^syntax error ", "");
            return "--query: invalid JMESPath at column " + (error.position() + 1) + ": " + oneLine(message);
        }
        return "--query: invalid JMESPath: " + oneLine(e.getMessage());
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
