package dev.migration.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import dev.migration.MigrationException;
import dev.migration.Migrations;
import dev.migration.SchemaDiff;
import dev.migration.SchemaFilter;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.Assert;

/**
 * The {@code check} command inside the application: compares the database, at heads, with
 * the desired schema of {@code migrations.target-schema} ({@code classpath:db/schema.sql}
 * by default; {@code {vendor}} is resolved as in {@code migrations.locations}). Nothing
 * is read at startup; a test that asserts {@code check().isEmpty()} catches a revision
 * someone forgot to write.
 */
public final class MigrationsSchemaCheck {

	private final Migrations migrations;

	private final ResourceLoader resourceLoader;

	private final String targetSchema;

	public MigrationsSchemaCheck(Migrations migrations, ResourceLoader resourceLoader, String targetSchema) {
		Assert.notNull(migrations, "'migrations' must not be null");
		Assert.hasText(targetSchema, "'targetSchema' must not be empty");
		this.migrations = migrations;
		this.resourceLoader = resourceLoader;
		this.targetSchema = targetSchema;
	}

	/** {@link #check(SchemaFilter)} with {@link SchemaFilter#defaults()}. */
	public SchemaDiff check() {
		return check(SchemaFilter.defaults());
	}

	/**
	 * The differences between the database and the target schema; empty when they match.
	 * @param filter the tables to compare
	 * @return the differences, with the upgrade and downgrade SQL a revision would need
	 * @throws MigrationException when the target schema cannot be read or applied, or the
	 * database is not at heads
	 */
	public SchemaDiff check(SchemaFilter filter) {
		return this.migrations.check(read(), filter);
	}

	/** Where the target schema is read from, {@code {vendor}} resolved. */
	public String location() {
		return this.migrations.configuration().resolveVendor(this.targetSchema);
	}

	private String read() {
		String location = location();
		Resource resource = this.resourceLoader.getResource(location);
		if (!resource.exists()) {
			throw new MigrationException("No target schema at " + location + " (migrations.target-schema): write the "
					+ "desired schema as SQL there, or point migrations.target-schema at it.");
		}
		try {
			return resource.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new MigrationException("Cannot read the target schema " + location + ": " + ex.getMessage(), ex);
		}
	}

}
