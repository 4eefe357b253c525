package dev.amlsh.azure.ml;

import dev.amlsh.core.AmlshException;
import java.util.regex.Pattern;

/**
 * The workspace name rule of the service's spec ({@code ^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$}),
 * checked before anything is sent. Names compare case-insensitively.
 *
 * <pre>{@code
 * WorkspaceNames.check("ws1");
 * }</pre>
 */
public final class WorkspaceNames {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}");

    private WorkspaceNames() {
    }

    public static void check(String name) {
        if (name == null || name.isBlank()) {
            throw AmlshException.usage("A workspace name is required.",
                    "Give one with -w, or set a default with 'configure --defaults workspace=<name>'.");
        }
        if (!NAME.matcher(name).matches()) {
            throw AmlshException.usage("Workspace name '" + name + "' is invalid.",
                    "Use 3-33 letters, digits, '-' or '_', starting with a letter or digit.");
        }
    }
}
