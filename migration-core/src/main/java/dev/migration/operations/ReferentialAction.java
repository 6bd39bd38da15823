package dev.migration.operations;

/**
 * What a foreign key does when the referenced row is deleted or its key updated.
 */
public enum ReferentialAction {

	NO_ACTION("NO ACTION"), RESTRICT("RESTRICT"), CASCADE("CASCADE"), SET_NULL("SET NULL"), SET_DEFAULT("SET DEFAULT");

	private final String sql;

	ReferentialAction(String sql) {
		this.sql = sql;
	}

	/** The action as SQL writes it, e.g. {@code SET NULL}. */
	public String sql() {
		return this.sql;
	}

	/** The action for its SQL words, e.g. {@code "set null"}. */
	public static ReferentialAction of(String sql) {
		String normalized = sql.trim().replaceAll("\\s+", " ").toUpperCase(java.util.Locale.ROOT);
		for (ReferentialAction action : values()) {
			if (action.sql.equals(normalized)) {
				return action;
			}
		}
		throw new IllegalArgumentException("Unknown referential action '" + sql + "'");
	}

}
