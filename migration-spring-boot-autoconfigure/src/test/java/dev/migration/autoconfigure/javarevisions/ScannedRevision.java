package dev.migration.autoconfigure.javarevisions;

import java.util.List;

import dev.migration.JavaRevision;
import dev.migration.operations.Operations;

/**
 * Found by scanning {@code migrations.java-revision-packages}.
 */
public class ScannedRevision implements JavaRevision {

	public static final String ID = "e00000000001";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public List<String> downRevisions() {
		return List.of("a00000000002");
	}

	@Override
	public String message() {
		return "Scanned";
	}

	@Override
	public void upgrade(Operations operations) {
		operations.execute("CREATE TABLE scanned (id INTEGER)");
	}

}
