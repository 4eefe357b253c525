package dev.amlsh.output;

import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/**
 * PyYAML's implicit resolver (YAML 1.1): which plain scalars read back as something other than a
 * string. A string that would is quoted by the emitter, exactly as PyYAML decides it.
 */
final class PyYamlResolver implements ScalarResolver {
    private static final Pattern BOOL = Pattern.compile(
            "yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");
    private static final Pattern FLOAT = Pattern.compile(
            "[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?"
                    + "|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
                    + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
                    + "|[-+]?\\.(?:inf|Inf|INF)"
                    + "|\\.(?:nan|NaN|NAN)");
    private static final Pattern INT = Pattern.compile(
            "[-+]?0b[0-1_]+"
                    + "|[-+]?0[0-7_]+"
                    + "|[-+]?(?:0|[1-9][0-9_]*)"
                    + "|[-+]?0x[0-9a-fA-F_]+"
                    + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+");
    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
                    + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
                    + "(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?"
                    + "(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?");
    private static final Tag TIMESTAMP_TAG = new Tag(Tag.PREFIX + "timestamp");
    private static final Tag MERGE_TAG = new Tag(Tag.PREFIX + "merge");
    private static final Tag VALUE_TAG = new Tag(Tag.PREFIX + "value");

    @Override
    public Tag resolve(String value, Boolean implicit) {
        if (!implicit) {
            return Tag.STR;
        }
        if (BOOL.matcher(value).matches()) {
            return Tag.BOOL;
        }
        if (FLOAT.matcher(value).matches()) {
            return Tag.FLOAT;
        }
        if (INT.matcher(value).matches()) {
            return Tag.INT;
        }
        if (NULL.matcher(value).matches()) {
            return Tag.NULL;
        }
        if (TIMESTAMP.matcher(value).matches()) {
            return TIMESTAMP_TAG;
        }
        if (value.equals("<<")) {
            return MERGE_TAG;
        }
        if (value.equals("=")) {
            return VALUE_TAG;
        }
        return Tag.STR;
    }
}
