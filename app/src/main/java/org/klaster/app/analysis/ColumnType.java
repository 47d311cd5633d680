package org.klaster.app.analysis;

/** The JSON type of a column's values (OpenAPI {@code type}); every column may also be null where stated. */
public enum ColumnType {
    TEXT("string"), INTEGER("integer"), NUMBER("number"), BOOLEAN("boolean");

    private final String json;

    ColumnType(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }
}
