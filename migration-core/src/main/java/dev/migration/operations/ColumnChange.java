package dev.migration.operations;

/**
 * What {@link Operations#alterColumn} changes, and what the column was before. Every part
 * left {@code null} stays as it is. Stating the existing value of each changed part
 * ({@code existingType}, ...) makes the change reversible, as in Alembic's
 * {@code existing_type}:
 *
 * <pre>{@code
 * ColumnChange.to().nullable(false).existingNullable(true)
 * ColumnChange.to().type(ColumnType.TEXT).existingType(ColumnType.varchar(80))
 * }</pre>
 *
 * @param type the new type, or {@code null}
 * @param nullable the new nullability, or {@code null}
 * @param serverDefault the new server default, or {@code null}
 * @param dropsServerDefault whether to remove the server default
 * @param newName the new column name, or {@code null}
 * @param existingType the type before, for the inverse
 * @param existingNullable the nullability before, for the inverse
 * @param existingServerDefault the server default before, for the inverse
 * @param existingServerDefaultKnown whether {@code existingServerDefault} was stated (it
 * may be "none")
 */
public record ColumnChange(ColumnType type, Boolean nullable, ServerDefault serverDefault, boolean dropsServerDefault,
		String newName, ColumnType existingType, Boolean existingNullable, ServerDefault existingServerDefault,
		boolean existingServerDefaultKnown) {

	/** A change of nothing yet. */
	public static ColumnChange to() {
		return new ColumnChange(null, null, null, false, null, null, null, null, false);
	}

	public ColumnChange type(ColumnType value) {
		return new ColumnChange(value, this.nullable, this.serverDefault, this.dropsServerDefault, this.newName,
				this.existingType, this.existingNullable, this.existingServerDefault, this.existingServerDefaultKnown);
	}

	public ColumnChange nullable(boolean value) {
		return new ColumnChange(this.type, value, this.serverDefault, this.dropsServerDefault, this.newName,
				this.existingType, this.existingNullable, this.existingServerDefault, this.existingServerDefaultKnown);
	}

	public ColumnChange serverDefault(ServerDefault value) {
		return new ColumnChange(this.type, this.nullable, value, false, this.newName, this.existingType,
				this.existingNullable, this.existingServerDefault, this.existingServerDefaultKnown);
	}

	public ColumnChange dropServerDefault() {
		return new ColumnChange(this.type, this.nullable, null, true, this.newName, this.existingType,
				this.existingNullable, this.existingServerDefault, this.existingServerDefaultKnown);
	}

	public ColumnChange rename(String value) {
		return new ColumnChange(this.type, this.nullable, this.serverDefault, this.dropsServerDefault, value,
				this.existingType, this.existingNullable, this.existingServerDefault, this.existingServerDefaultKnown);
	}

	public ColumnChange existingType(ColumnType value) {
		return new ColumnChange(this.type, this.nullable, this.serverDefault, this.dropsServerDefault, this.newName,
				value, this.existingNullable, this.existingServerDefault, this.existingServerDefaultKnown);
	}

	public ColumnChange existingNullable(boolean value) {
		return new ColumnChange(this.type, this.nullable, this.serverDefault, this.dropsServerDefault, this.newName,
				this.existingType, value, this.existingServerDefault, this.existingServerDefaultKnown);
	}

	/** The server default before the change; {@code null} says there was none. */
	public ColumnChange existingServerDefault(ServerDefault value) {
		return new ColumnChange(this.type, this.nullable, this.serverDefault, this.dropsServerDefault, this.newName,
				this.existingType, this.existingNullable, value, true);
	}

	/** Whether the default changes (set or dropped). */
	public boolean changesServerDefault() {
		return this.serverDefault != null || this.dropsServerDefault;
	}

}
