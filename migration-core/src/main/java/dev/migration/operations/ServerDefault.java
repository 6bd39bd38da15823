package dev.migration.operations;

import java.util.Objects;

/**
 * A column's server default, rendered for each database: {@code ServerDefault.FALSE} is
 * {@code FALSE} on PostgreSQL and {@code 0} on SQLite, {@code ServerDefault.NOW} is
 * {@code now()} and {@code CURRENT_TIMESTAMP}.
 *
 * @param kind what the default is
 * @param value the literal text, number or expression; {@code null} for the constants
 */
public record ServerDefault(Kind kind, String value) {

	public static final ServerDefault TRUE = new ServerDefault(Kind.TRUE, null);

	public static final ServerDefault FALSE = new ServerDefault(Kind.FALSE, null);

	/** The current timestamp when the row is inserted. */
	public static final ServerDefault NOW = new ServerDefault(Kind.NOW, null);

	/** The kinds of default. */
	public enum Kind {

		TRUE, FALSE, NOW, STRING, NUMBER, EXPRESSION

	}

	public ServerDefault {
		Objects.requireNonNull(kind, "kind");
		if (kind.ordinal() >= Kind.STRING.ordinal()) {
			Objects.requireNonNull(value, "value");
		}
	}

	public static ServerDefault of(boolean value) {
		return value ? TRUE : FALSE;
	}

	/** A string literal, quoted when rendered. */
	public static ServerDefault literal(String text) {
		return new ServerDefault(Kind.STRING, text);
	}

	/** A number, rendered as is. */
	public static ServerDefault number(Number number) {
		return new ServerDefault(Kind.NUMBER, number.toString());
	}

	/**
	 * An SQL expression, rendered as is (in parentheses on SQLite, which requires them).
	 */
	public static ServerDefault expression(String sql) {
		return new ServerDefault(Kind.EXPRESSION, sql);
	}

	@Override
	public String toString() {
		switch (this.kind) {
			case STRING:
				return "'" + this.value.replace("'", "''") + "'";
			case NUMBER:
			case EXPRESSION:
				return this.value;
			default:
				return this.kind.name().toLowerCase(java.util.Locale.ROOT);
		}
	}

}
