package dev.migration.cli;

import java.util.List;
import java.util.concurrent.Callable;

import dev.migration.MigrationException;
import dev.migration.Migrations;
import dev.migration.RevisionInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "show", description = "Show one revision in full.",
		footer = { "", "Examples:", "  migration show 3f1c", "  migration show head" })
final class ShowCommand implements Callable<Integer> {

	@ParentCommand
	private MigrationCli cli;

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
		for (String id : ids) {
			this.cli.console().print(Console.entry(migrations.revision(id), false));
		}
		return 0;
	}

}
