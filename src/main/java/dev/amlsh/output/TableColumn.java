package dev.amlsh.output;

/**
 * One column of a command's own {@code -o table} layout: a header and what fills it, either a
 * JMESPath expression evaluated on each row or, when that does not compile, a plain key.
 *
 * <pre>{@code
 * List<TableColumn> columns = List.of(
 *         new TableColumn("Name", "name"),
 *         new TableColumn("State", "properties.provisioningState"));
 * String text = OutputWriter.table(workspaces, columns);
 * }</pre>
 */
public record TableColumn(String header, String jmesPathOrKey) {
    public TableColumn {
        if (header == null || header.isEmpty() || jmesPathOrKey == null || jmesPathOrKey.isEmpty()) {
            throw new IllegalArgumentException("a table column needs a header and an expression");
        }
    }
}
