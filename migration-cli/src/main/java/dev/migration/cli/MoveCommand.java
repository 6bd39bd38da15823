package dev.migration.cli;

import java.util.List;

import dev.migration.Direction;
import dev.migration.Migrations;
import dev.migration.Plan;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code upgrade} and {@code downgrade}: run the plan to the target, or print it as a
 * script with {@code --sql}.
 */
abstract class MoveCommand extends CliCommand {

	private final Direction direction;

	@Parameters(index = "0", paramLabel = "TARGET",
			description = "heads, head, base, an id or prefix, +N/-N, <label>@head, ...; START:END with --sql.")
	private String target;

	@Option(names = "--sql", description = "Print the SQL script instead of running it.")
	private boolean sql;

	@Option(names = "--dialect", paramLabel = "postgresql|sqlite",
			description = "The script's database when --sql has a START:END range and no --url.")
	private String dialect;

	MoveCommand(Direction direction) {
		this.direction = direction;
	}

	@Override
	public Integer call() {
		if (!this.sql) {
			Migrations migrations = this.cli.database();
			if (this.direction == Direction.UPGRADE) {
				migrations.upgrade(this.target);
			}
			else {
				migrations.downgrade(this.target);
			}
			return 0;
		}
		Migrations migrations;
		Plan plan;
		if (this.target.contains(":")) {
			List<String> range = MigrationCli.splitRange(this.target, "base:heads");
			migrations = this.cli.offline(this.dialect);
			String start = range.get(0);
			List<String> fromRows = (start.isEmpty() || start.equals("base")) ? List.of()
					: migrations.resolve(start, List.of());
			// an offline range without END runs as far as the direction goes
			String end = !range.get(1).isEmpty() ? range.get(1)
					: (this.direction == Direction.UPGRADE) ? "heads" : "base";
			plan = migrations.plan(this.direction, List.of(end), fromRows, false);
		}
		else {
			migrations = this.cli.database();
			plan = migrations.plan(this.direction, List.of(this.target));
		}
		console().script(migrations.runnableScript(plan, this.cli.operator()));
		return 0;
	}

}
