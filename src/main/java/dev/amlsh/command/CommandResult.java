package dev.amlsh.command;

import com.google.gson.JsonElement;
import dev.amlsh.output.TableColumn;
import java.util.List;

/**
 * What a command returns for printing: a JSON value, and the columns {@code -o table} should
 * show for it (null for the automatic ones).
 *
 * <pre>{@code
 * return new CommandResult(groups, List.of(new TableColumn("Name", "name"), new TableColumn("Location", "location")));
 * }</pre>
 */
public record CommandResult(JsonElement value, List<TableColumn> columns) {
    public static CommandResult of(JsonElement value) {
        return new CommandResult(value, null);
    }
}
