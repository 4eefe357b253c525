package dev.amlsh.azure;

import dev.amlsh.core.AmlshException;

import java.util.regex.Pattern;

/**
 * The naming rules of each resource type, checked before a request is sent so that a bad name
 * gets a one-line usage error (exit 2) that says the rule.
 *
 * <pre>{@code
 * Names.checkResourceGroup("rg1");
 * }</pre>
 */
public final class Names {
    private static final Pattern GROUP = Pattern.compile("[-\\w._()]{1,90}", Pattern.UNICODE_CHARACTER_CLASS);

    private Names() {
    }

    public static void checkResourceGroup(String name) {
        if (name == null || name.isEmpty()) {
            throw AmlshException.usage("A resource group name is required.",
                    "Give one with -g/--name, or set a current group with 'use <group>'.");
        }
        if (!GROUP.matcher(name).matches() || name.endsWith(".")) {
            throw AmlshException.usage("Resource group name '" + name + "' is invalid.",
                    "Use 1-90 letters, digits, '-', '_', '.', '(' or ')', not ending in '.'.");
        }
    }

    /** Storage account names: 3-24 lower-case letters and digits (they are DNS names). */
    public static void checkStorageAccount(String name) {
        if (name == null || !name.matches("[a-z0-9]{3,24}")) {
            throw AmlshException.usage("Storage account name '" + name + "' is invalid.",
                    "Use 3-24 lower-case letters and digits, e.g. mlstorage01.");
        }
    }

    /** Key vault names: 3-24 letters, digits and '-', starting with a letter, ending with a letter or digit, no '--'. */
    public static void checkKeyVault(String name) {
        if (name == null || !name.matches("[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]") || name.contains("--")) {
            throw AmlshException.usage("Key vault name '" + name + "' is invalid.",
                    "Use 3-24 letters, digits and '-', starting with a letter, ending with a letter or digit, without '--'.");
        }
    }
}
