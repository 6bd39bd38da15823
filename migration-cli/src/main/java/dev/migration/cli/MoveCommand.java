package dev.migration.cli;

import java.util.List;
import java.util.concurrent.Callable;

import dev.migration.Direction;
import dev.migration.Migrations;
import dev.migration.Plan;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code upgrade} and {@code downgrade}: run the plan to the target, or print it as a script with {@code --sql}.
 */
abstract class MoveCommand implements Callable<Integer> {

	@ParentCommand
	private MigrationCli cli;

	@Parameters(index = "0", paramLabel = "TARGET",
			description = "heads, head, base, an id or prefix, +N/-N, <label>@head, ...; START:END with --sql.")
	private String target;

	@Option(names = "--sql", description = "Print the SQL script instead of running it.")
	private boolean sql;

	@Option(names = "--dialect", paramLabel = "postgresql|sqlite",
			description = "The script's database when --sql has a START:END range and no --url.")
	private String dialect;

	abstract Direction direction();

	/** Where an offline range ends when END is left out. */
	abstract String defaultEnd();

	@Override
	public Integer call() {
		if (!this.sql) {
			Migrations migrations = this.cli.database();
			if (direction() == Direction.UPGRADE) {
				migrations.upgrade(this.target);
			}
			else {
				migrations.downgrade(this.target);
			}
			return 0;
		}
		if (this.target.contains(":")) {
			List<String> range = MigrationCli.splitRange(this.target, "base:heads");
			Migrations migrations = this.cli.offline(this.dialect);
			String start = range.get(0);
			List<String> fromRows = (start.isEmpty() || start.equals("base")) ? List.of()
					: migrations.resolve(start, List.of());
			String end = range.get(1).isEmpty() ? defaultEnd() : range.get(1);
			Plan plan = migrations.plan(direction(), List.of(end), fromRows, false);
			this.cli.console().script(migrations.runnableScript(plan, this.cli.operator()));
			return 0;
		}
		Migrations migrations = this.cli.database();
		Plan plan = migrations.plan(direction(), List.of(this.target));
		this.cli.console().script(migrations.runnableScript(plan, this.cli.operator()));
		return 0;
	}

}
