package dev.migration.cli;

import java.util.List;
import java.util.Locale;

import dev.migration.Direction;
import dev.migration.Migrations;
import dev.migration.Plan;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code upgrade} and {@code downgrade}: run the plan to the target, or print it as a
 * script with {@code --sql}.
 */
abstract class MoveCommand extends CliCommand {

	@Parameters(index = "0", paramLabel = "TARGET",
			description = "heads, head, base, an id or prefix, +N/-N, <label>@head, ...; START:END with --sql.")
	private String target;

	@Option(names = "--sql", description = "Print the SQL script instead of running it.")
	private boolean sql;

	@Option(names = "--dialect", paramLabel = "postgresql|sqlite",
			description = "The script's database when --sql has a START:END range and no --url.")
	private String dialect;

	@Spec
	private CommandSpec spec;

	@Override
	public Integer call() {
		Direction direction = Direction.valueOf(this.spec.name().toUpperCase(Locale.ROOT));
		if (!this.sql) {
			Migrations migrations = this.cli.database();
			if (direction == Direction.UPGRADE) {
				migrations.upgrade(this.target);
			}
			else {
				migrations.downgrade(this.target);
			}
			return 0;
		}
		Migrations migrations = this.target.contains(":") ? this.cli.offline(this.dialect) : this.cli.database();
		List<String> range = this.target.contains(":") ? MigrationCli.splitRange(this.target, "base:heads") : null;
		Plan plan = (range != null) ? migrations.plan(direction, range.get(0), range.get(1))
				: migrations.plan(direction, List.of(this.target));
		console().script(migrations.runnableScript(plan, this.cli.operator()));
		return 0;
	}

}
