package dev.migration.support;

import java.util.List;

import dev.migration.JavaRevision;
import dev.migration.operations.Operations;

/**
 * A Java revision for tests whose metadata is given to the constructor, so that a test
 * states only its upgrade and, when it has one, its downgrade.
 */
public abstract class TestRevision implements JavaRevision {

	private final String id;

	private final List<String> downRevisions;

	private final String message;

	private final boolean transactional;

	/**
	 * @param downRevision its one down revision, {@code null} for a root
	 */
	protected TestRevision(String id, String downRevision, String message) {
		this(id, downRevision, message, true);
	}

	protected TestRevision(String id, String downRevision, String message, boolean transactional) {
		this(id, (downRevision != null) ? List.of(downRevision) : List.of(), message, transactional);
	}

	protected TestRevision(String id, List<String> downRevisions, String message, boolean transactional) {
		this.id = id;
		this.downRevisions = downRevisions;
		this.message = message;
		this.transactional = transactional;
	}

	@Override
	public String id() {
		return this.id;
	}

	@Override
	public List<String> downRevisions() {
		return this.downRevisions;
	}

	@Override
	public String message() {
		return this.message;
	}

	@Override
	public boolean transactional() {
		return this.transactional;
	}

	/** A revision whose upgrade is the function, without a downgrade of its own. */
	public static JavaRevision of(String id, String downRevision, Body upgrade) {
		return new TestRevision(id, downRevision, "") {

			@Override
			public void upgrade(Operations operations) throws Exception {
				upgrade.run(operations);
			}

		};
	}

	/** A revision whose upgrade and downgrade are the functions. */
	public static JavaRevision of(String id, String downRevision, Body upgrade, Body downgrade) {
		return of(id, downRevision, "", upgrade, downgrade);
	}

	/** A revision whose upgrade runs one statement and whose downgrade runs another. */
	public static JavaRevision executing(String id, String downRevision, String message, String upgradeSql,
			String downgradeSql) {
		return of(id, downRevision, message, (operations) -> operations.execute(upgradeSql),
				(operations) -> operations.execute(downgradeSql));
	}

	private static JavaRevision of(String id, String downRevision, String message, Body upgrade, Body downgrade) {
		return new TestRevision(id, downRevision, message) {

			@Override
			public void upgrade(Operations operations) throws Exception {
				upgrade.run(operations);
			}

			@Override
			public void downgrade(Operations operations) throws Exception {
				downgrade.run(operations);
			}

		};
	}

	/** What an upgrade or downgrade does. */
	@FunctionalInterface
	public interface Body {

		void run(Operations operations) throws Exception;

	}

}
