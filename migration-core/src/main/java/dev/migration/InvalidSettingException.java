package dev.migration;

/**
 * A setting has a value the engine cannot use, or settings that do not go together were
 * given (a parallelism of 0, a shard that is not {@code K/N}, schemas and a URL file at
 * once): the caller's input is wrong, and nothing was run. A command line answers it as a
 * usage error.
 */
public final class InvalidSettingException extends MigrationException {

	private static final long serialVersionUID = 1L;

	private final String setting;

	/**
	 * @param setting the setting as the configuration names it ({@code parallelism},
	 * {@code shard}, {@code schemas})
	 * @param message the value and the rule it breaks, as a sentence
	 */
	public InvalidSettingException(String setting, String message) {
		super(message + " Nothing was run.");
		this.setting = setting;
	}

	/** The setting whose value is wrong, for a caller to name its own option. */
	public String setting() {
		return this.setting;
	}

}
