package dev.migration.operations;

import java.util.Locale;
import java.util.Objects;

/**
 * A column's type, rendered for each database: {@code ColumnType.BIGINT},
 * {@code ColumnType.varchar(255)}, {@code ColumnType.numeric(10, 2)}, or
 * {@code ColumnType.of("INET")} for a type written as the database spells it.
 *
 * @param kind the portable kind, {@link Kind#OTHER} for a raw type
 * @param length the length of a {@code varchar}, else 0
 * @param precision the precision of a {@code numeric}, else 0
 * @param scale the scale of a {@code numeric}, else 0
 * @param raw the type as written for {@link Kind#OTHER}, else {@code null}
 */
public record ColumnType(Kind kind, int length, int precision, int scale, String raw) {

	public static final ColumnType INTEGER = new ColumnType(Kind.INTEGER, 0, 0, 0, null);

	public static final ColumnType BIGINT = new ColumnType(Kind.BIGINT, 0, 0, 0, null);

	public static final ColumnType TEXT = new ColumnType(Kind.TEXT, 0, 0, 0, null);

	public static final ColumnType BOOLEAN = new ColumnType(Kind.BOOLEAN, 0, 0, 0, null);

	public static final ColumnType DATE = new ColumnType(Kind.DATE, 0, 0, 0, null);

	/** A timestamp without time zone. */
	public static final ColumnType TIMESTAMP = new ColumnType(Kind.TIMESTAMP, 0, 0, 0, null);

	/** A timestamp with time zone ({@code timestamptz}). */
	public static final ColumnType TIMESTAMPTZ = new ColumnType(Kind.TIMESTAMPTZ, 0, 0, 0, null);

	public static final ColumnType UUID = new ColumnType(Kind.UUID, 0, 0, 0, null);

	public static final ColumnType JSON = new ColumnType(Kind.JSON, 0, 0, 0, null);

	/** PostgreSQL's binary JSON; plain JSON text on SQLite. */
	public static final ColumnType JSONB = new ColumnType(Kind.JSONB, 0, 0, 0, null);

	/** Binary data: {@code bytea} on PostgreSQL, {@code BLOB} on SQLite. */
	public static final ColumnType BYTES = new ColumnType(Kind.BYTES, 0, 0, 0, null);

	/** The portable kinds of column type. */
	public enum Kind {

		INTEGER, BIGINT, VARCHAR, TEXT, BOOLEAN, NUMERIC, DATE, TIMESTAMP, TIMESTAMPTZ, UUID, JSON, JSONB, BYTES, OTHER

	}

	public ColumnType {
		Objects.requireNonNull(kind, "kind");
		if (kind == Kind.OTHER && (raw == null || raw.isBlank())) {
			throw new IllegalArgumentException("A raw column type needs its SQL name");
		}
	}

	public static ColumnType varchar(int length) {
		if (length <= 0) {
			throw new IllegalArgumentException("varchar length must be positive, got " + length);
		}
		return new ColumnType(Kind.VARCHAR, length, 0, 0, null);
	}

	public static ColumnType numeric(int precision, int scale) {
		if (precision <= 0 || scale < 0 || scale > precision) {
			throw new IllegalArgumentException(
					"numeric(" + precision + ", " + scale + ") is not a valid precision " + "and scale");
		}
		return new ColumnType(Kind.NUMERIC, 0, precision, scale, null);
	}

	/**
	 * A type written exactly as the database spells it, e.g. {@code INET}; rendered as is
	 * on every database.
	 */
	public static ColumnType of(String sql) {
		return new ColumnType(Kind.OTHER, 0, 0, 0, sql.trim());
	}

	@Override
	public String toString() {
		switch (this.kind) {
			case VARCHAR:
				return "varchar(" + this.length + ")";
			case NUMERIC:
				return "numeric(" + this.precision + ", " + this.scale + ")";
			case OTHER:
				return this.raw;
			default:
				return this.kind.name().toLowerCase(Locale.ROOT);
		}
	}

}
