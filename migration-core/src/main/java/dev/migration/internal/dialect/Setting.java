package dev.migration.internal.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL session setting that the engine changes on a connection for as long as it
 * holds it, and resets before the connection goes back (to a pool, perhaps).
 *
 * @param name the parameter
 * @param value its value as SQL
 * @param since the first major version that has it
 */
record Setting(String name, String value, int since) {

	private static final System.Logger logger = System.getLogger("dev.migration");

	/** The settings that the connection's server knows. */
	private static List<Setting> supported(List<Setting> settings, Connection connection) throws SQLException {
		int major = connection.getMetaData().getDatabaseMajorVersion();
		List<Setting> supported = new ArrayList<>();
		for (Setting setting : settings) {
			if (major >= setting.since()) {
				supported.add(setting);
			}
		}
		return supported;
	}

	/**
	 * Sets what the server allows (a pooler or a policy may refuse one; the engine works
	 * without, only less robustly) and returns those, for {@link #reset}.
	 */
	static List<Setting> apply(Connection connection, List<Setting> settings) throws SQLException {
		List<Setting> applied = new ArrayList<>();
		try (Statement statement = connection.createStatement()) {
			for (Setting setting : supported(settings, connection)) {
				try {
					statement.execute("SET " + setting.name() + " = " + setting.value());
					applied.add(setting);
				}
				catch (SQLException ex) {
					logger.log(System.Logger.Level.DEBUG, "Could not set " + setting.name() + ": " + ex.getMessage());
				}
			}
		}
		return applied;
	}

	static void reset(Connection connection, List<Setting> settings) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (Setting setting : settings) {
				statement.execute("RESET " + setting.name());
			}
		}
	}

}
