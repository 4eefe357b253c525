package dev.amlsh.output;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.StreamDataWriter;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * {@code -o yaml}: what the CLI's {@code yaml.safe_dump(default_flow_style=False, allow_unicode=True)}
 * prints: block style, keys sorted (PyYAML's default), text kept as is. The node tree is built here
 * and the resolver is PyYAML's YAML 1.1 one, so that the emitter quotes the same strings PyYAML
 * quotes ({@code '123'}, {@code 'yes'}, {@code '2024-01-01'}, {@code ''}).
 */
final class YamlText {
    private static final DumpSettings SETTINGS = DumpSettings.builder()
            .setDefaultFlowStyle(FlowStyle.BLOCK)
            .setIndent(2)
            .setIndicatorIndent(0)
            .setWidth(80)
            .setUseUnicodeEncoding(true)
            .setSchema(new PyYamlSchema())
            .build();

    private YamlText() {
    }

    static String write(JsonElement value) {
        StringBuilder out = new StringBuilder();
        Node root = node(value);
        new Dump(SETTINGS).dumpNode(root, new StreamDataWriter() {
            @Override
            public void write(String str) {
                out.append(str);
            }

            @Override
            public void write(String str, int off, int len) {
                out.append(str, off, off + len);
            }
        });
        // PyYAML closes a document whose root is a plain scalar with "...", since it could go on.
        boolean plainRoot = root instanceof ScalarNode && out.charAt(0) != '\'' && out.charAt(0) != '"';
        return plainRoot ? out.append("...\n").toString() : out.toString();
    }

    private static Node node(JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return scalar(Tag.NULL, "null");
        }
        if (value.isJsonObject()) {
            List<NodeTuple> tuples = new ArrayList<>();
            for (Map.Entry<String, JsonElement> e : PyValues.entries(value.getAsJsonObject(), true)) {
                tuples.add(new NodeTuple(text(e.getKey()), node(e.getValue())));
            }
            return new MappingNode(Tag.MAP, tuples, FlowStyle.BLOCK);
        }
        if (value.isJsonArray()) {
            List<Node> items = new ArrayList<>();
            value.getAsJsonArray().forEach(item -> items.add(node(item)));
            return new SequenceNode(Tag.SEQ, items, FlowStyle.BLOCK);
        }
        JsonPrimitive p = value.getAsJsonPrimitive();
        if (p.isBoolean()) {
            return scalar(Tag.BOOL, p.getAsBoolean() ? "true" : "false");
        }
        if (p.isNumber()) {
            String text = PyValues.number(p.getAsNumber(), false);
            return text.matches("-?\\d+") ? scalar(Tag.INT, text) : scalar(Tag.FLOAT, floatText(text));
        }
        return text(p.getAsString());
    }

    /**
     * PyYAML never writes a line break in a plain scalar (YAML 1.2 emitters may): it quotes the text,
     * in single quotes when it can, so ask for those and let the emitter fall back to double.
     */
    private static ScalarNode text(String s) {
        boolean lineBreak = s.chars().anyMatch(c -> c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029');
        return new ScalarNode(Tag.STR, s, lineBreak ? ScalarStyle.SINGLE_QUOTED : ScalarStyle.PLAIN);
    }

    /** PyYAML writes floats as repr, lower case, with a fraction before any exponent: 1.0e-05, .inf. */
    private static String floatText(String repr) {
        return switch (repr) {
            case "nan" -> ".nan";
            case "inf" -> ".inf";
            case "-inf" -> "-.inf";
            default -> repr.indexOf('.') < 0 && repr.indexOf('e') >= 0 ? repr.replaceFirst("e", ".0e") : repr;
        };
    }

    private static ScalarNode scalar(Tag tag, String text) {
        return new ScalarNode(tag, text, ScalarStyle.PLAIN);
    }

    /** The schema only lends its resolver: this class dumps, it never loads. */
    private static final class PyYamlSchema implements Schema {
        private final PyYamlResolver resolver = new PyYamlResolver();

        @Override
        public PyYamlResolver getScalarResolver() {
            return resolver;
        }

        @Override
        public Map<Tag, ConstructNode> getSchemaTagConstructors() {
            return Map.of();
        }
    }
}
