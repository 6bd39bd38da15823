package dev.migration.cli;

import java.util.List;

import dev.migration.MigrationException;
import dev.migration.Migrations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "show", description = "Show one revision in full.",
		footer = { "  migration show 3f1c", "  migration show head" })
final class ShowCommand extends CliCommand {

	@Parameters(index = "0", paramLabel = "REV", description = "An id or prefix, head, heads, <label>@head, current.")
	private String target;

	@Override
	public Integer call() {
		boolean current = this.target.equals("current");
		Migrations migrations = current ? this.cli.database() : this.cli.revisions();
		List<String> ids = current ? migrations.current() : migrations.resolve(this.target, List.of());
		if (ids.isEmpty()) {
			throw new MigrationException("'" + this.target + "' names no revision (it is base).");
		}
		ids.forEach((id) -> console().print(migrations.revision(id).entry(false)));
		return 0;
	}

}
