package dev.migration;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * R2DBC options to a JDBC URL, from options by name as any R2DBC client holds them (the
 * Spring integration's tests cover the URLs R2DBC itself parses).
 */
class R2dbcOptionsTests {

	@Test
	void looksThroughAPoolAndCarriesTheSslSettings() {
		Map<String, Object> options = Map.of("driver", "pool", "protocol", "postgresql", "host", "db", "port", 6543,
				"database", "orders", "sslMode", "VERIFY_CA", "schema", "app");
		assertThat(R2dbcOptions.jdbcUrl(options::get))
			.isEqualTo("jdbc:postgresql://db:6543/orders?sslmode=verify-ca&currentSchema=app");
	}

	@Test
	void refusesAnotherDatabaseByName() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> R2dbcOptions.jdbcUrl(Map.<String, Object>of("driver", "mysql", "host", "db")::get))
			.withMessage("its driver 'mysql' is not PostgreSQL, the one database migrations can reach from R2DBC "
					+ "settings");
	}

}
