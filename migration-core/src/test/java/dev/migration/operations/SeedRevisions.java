package dev.migration.operations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migration.JavaRevision;
import dev.migration.support.TestRevision;

/**
 * The seed scenario written with the operations DSL. None overrides {@code downgrade}:
 * each is reversible through the inverses of its operations.
 */
final class SeedRevisions {

	private SeedRevisions() {
	}

	static List<JavaRevision> all() {
		return List.of(new CreateUsers(), new AddEmailVerification(), new AddTeams(), new AddPosts(),
				new ReshapeUsers());
	}

	static Map<String, Object> row(Object... keysAndValues) {
		Map<String, Object> row = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			row.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return row;
	}

	static final class CreateUsers extends TestRevision {

		CreateUsers() {
			super("a1", null, "Create users");
		}

		@Override
		public void upgrade(Operations operations) {
			operations.createTable("users", Column.of("id", ColumnType.BIGINT).autoIncrement(),
					Column.of("username", ColumnType.varchar(50)).notNull(),
					Column.of("email", ColumnType.varchar(255)));
			operations.createIndex(Index.on("users", "email").named("ix_users_email").unique());
			operations.bulkInsert("users", List.of(row("username", "ada", "email", "ada@example.com"),
					row("username", "bob", "email", "bob@example.com"), row("username", "o'hara", "email", null)));
		}

	}

	static final class AddEmailVerification extends TestRevision {

		AddEmailVerification() {
			super("a2", "a1", "Add email verification");
		}

		@Override
		public void upgrade(Operations operations) {
			operations.addColumn("users",
					Column.of("email_verified", ColumnType.BOOLEAN).notNull().serverDefault(ServerDefault.FALSE));
			operations.addColumn("users", Column.of("email_verified_at", ColumnType.TIMESTAMP));
		}

	}

	static final class AddTeams extends TestRevision {

		AddTeams() {
			super("a3", "a2", "Add teams");
		}

		@Override
		public void upgrade(Operations operations) {
			operations.createTable("teams", Column.of("id", ColumnType.BIGINT).autoIncrement(),
					Column.of("name", ColumnType.TEXT).notNull(), Constraint.unique("uq_teams_name", "name"));
			operations.addColumn("users", Column.of("team_id", ColumnType.BIGINT));
			operations.createForeignKey("fk_users_team", "users", List.of("team_id"), "teams", List.of("id"),
					ReferentialAction.SET_NULL, null);
		}

	}

	static final class AddPosts extends TestRevision {

		AddPosts() {
			super("a4", "a3", "Add posts");
		}

		@Override
		public void upgrade(Operations operations) {
			operations
				.createTable("posts", Column.of("id", ColumnType.BIGINT).autoIncrement(),
						Column.of("user_id", ColumnType.BIGINT).notNull(),
						Column.of("title", ColumnType.varchar(200)).notNull(), Column.of("body", ColumnType.TEXT),
						Column.of("score", ColumnType.numeric(5, 2)).serverDefault(ServerDefault.number(0)),
						Column.of("created_at", ColumnType.TIMESTAMPTZ).notNull().serverDefault(ServerDefault.NOW),
						Constraint.foreignKey("fk_posts_user", "user_id", "users", "id")
							.onDelete(ReferentialAction.CASCADE),
						Constraint.check("ck_posts_title", "length(title) > 0"));
			operations.createIndex(Index.on("posts", "user_id").named("ix_posts_user").where("body IS NOT NULL"));
			operations.bulkInsert("posts", List.of(row("user_id", 1, "title", "Hello", "body", "first")));
		}

	}

	static final class ReshapeUsers extends TestRevision {

		ReshapeUsers() {
			super("a5", "a4", "Reshape users");
		}

		@Override
		public void upgrade(Operations operations) {
			operations.alterColumn("users", "username",
					ColumnChange.to().type(ColumnType.TEXT).existingType(ColumnType.varchar(50)));
			operations.alterColumn("users", "email", ColumnChange.to().rename("email_address"));
			operations.alterColumn("users", "email_verified_at",
					ColumnChange.to()
						.nullable(true)
						.existingNullable(true)
						.serverDefault(ServerDefault.NOW)
						.existingServerDefault(null));
			operations.createCheckConstraint("ck_users_username", "users", "length(username) > 1");
			operations.dropColumn("users",
					Column.of("email_verified", ColumnType.BOOLEAN).notNull().serverDefault(ServerDefault.FALSE));
		}

	}

}
