package dev.migration.internal.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL session setting that the engine changes on a connection for as long as it
 * holds it, and resets before the connection goes back (to a pool, perhaps).
 *
 * @param name the parameter
 * @param value its value, as text
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
	 * without, only less robustly) and returns those, for {@link #reset}. All in one
	 * round trip when the server takes them all, else one by one.
	 */
	static List<Setting> apply(Connection connection, List<Setting> settings) throws SQLException {
		return apply(connection, settings, new String[] { "1" }, new String[1]);
	}

	/**
	 * As {@link #apply(Connection, List)}, and reads the given expressions about the
	 * session in the same round trip: {@code answers[i]} receives {@code expressions[i]}
	 * as text.
	 */
	static List<Setting> apply(Connection connection, List<Setting> settings, String[] expressions, String[] answers)
			throws SQLException {
		List<Setting> supported = supported(settings, connection);
		String select = "SELECT " + String.join(", ", expressions);
		StringBuilder sql = new StringBuilder(select);
		for (Setting setting : supported) {
			sql.append(", set_config(?, ?, false)");
		}
		try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
			int index = 1;
			for (Setting setting : supported) {
				statement.setString(index++, setting.name());
				statement.setString(index++, setting.value());
			}
			try (ResultSet result = statement.executeQuery()) {
				read(result, answers);
			}
			return supported;
		}
		catch (SQLException ex) {
			// one refused setting failed the statement, and with it all: set each alone
			logger.log(System.Logger.Level.DEBUG, "Could not set " + supported + " at once: " + ex.getMessage());
		}
		List<Setting> applied = new ArrayList<>();
		try (Statement statement = connection.createStatement()) {
			for (Setting setting : supported) {
				try {
					statement.execute("SET " + setting.name() + " = '" + setting.value() + "'");
					applied.add(setting);
				}
				catch (SQLException ex) {
					logger.log(System.Logger.Level.DEBUG, "Could not set " + setting.name() + ": " + ex.getMessage());
				}
			}
			try (ResultSet result = statement.executeQuery(select)) {
				read(result, answers);
			}
		}
		return applied;
	}

	private static void read(ResultSet result, String[] answers) throws SQLException {
		result.next();
		for (int index = 0; index < answers.length; index++) {
			answers[index] = result.getString(index + 1);
		}
	}

	/** Resets the settings in one round trip. */
	static void reset(Connection connection, List<Setting> settings) throws SQLException {
		reset(connection, settings, List.of());
	}

	/** Resets the settings and runs the statements, in one round trip. */
	static void reset(Connection connection, List<Setting> settings, List<String> statements) throws SQLException {
		if (settings.isEmpty() && statements.isEmpty()) {
			return;
		}
		StringBuilder sql = new StringBuilder();
		for (Setting setting : settings) {
			sql.append((sql.length() > 0) ? "; " : "").append("RESET ").append(setting.name());
		}
		for (String statement : statements) {
			sql.append((sql.length() > 0) ? "; " : "").append(statement);
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql.toString());
		}
	}

}
