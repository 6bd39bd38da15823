package dev.migration.autoconfigure.r2dbc;

import java.util.stream.Stream;

import dev.migration.Redactor;
import dev.migration.autoconfigure.MigrationsConnectionDetails;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The JDBC URL that matches an R2DBC URL, for the URL forms r2dbc-postgresql, r2dbc-pool
 * and r2dbc-proxy accept.
 */
class R2dbcJdbcConnectionTests {

	static Stream<Arguments> urls() {
		return Stream.of(url("r2dbc:postgresql://localhost:5432/app", "jdbc:postgresql://localhost:5432/app"),
				url("r2dbc:postgres://db.example.com/app", "jdbc:postgresql://db.example.com/app"),
				url("r2dbc:postgresql://localhost", "jdbc:postgresql://localhost/"),
				url("r2dbc:pool:postgresql://db:6543/app?maxSize=20&initialSize=5", "jdbc:postgresql://db:6543/app"),
				url("r2dbc:proxy:postgresql://db/app?proxyListener=x.Listener", "jdbc:postgresql://db/app"),
				url("r2dbc:pool:proxy:postgresql://db/app", "jdbc:postgresql://db/app"),
				url("r2dbc:postgresql://[::1]:5432/app", "jdbc:postgresql://[::1]:5432/app"),
				url("r2dbcs:postgresql://db/app", "jdbc:postgresql://db/app?sslmode=verify-full"),
				url("r2dbc:postgresql://db/app?ssl=true", "jdbc:postgresql://db/app?sslmode=verify-full"),
				url("r2dbc:postgresql://db/app?sslMode=require", "jdbc:postgresql://db/app?sslmode=require"),
				url("r2dbc:postgresql://db/app?sslMode=VERIFY_CA&sslRootCert=/etc/ssl/ca.pem",
						"jdbc:postgresql://db/app?sslmode=verify-ca&sslrootcert=%2Fetc%2Fssl%2Fca.pem"),
				url("r2dbc:pool:postgresql://db/app?schema=tenant_a&lockWaitTimeout=5s",
						"jdbc:postgresql://db/app?currentSchema=tenant_a"),
				url("r2dbc:postgresql://db/app?applicationName=orders",
						"jdbc:postgresql://db/app?ApplicationName=orders"),
				url("r2dbc:postgresql://db/my%20app", "jdbc:postgresql://db/my+app"),
				url("r2dbc:pool:postgresql://db.internal:5432/orders?sslMode=verify-full&schema=app",
						"jdbc:postgresql://db.internal:5432/orders?sslmode=verify-full&currentSchema=app"));
	}

	private static Arguments url(String r2dbcUrl, String jdbcUrl) {
		return Arguments.of(r2dbcUrl, jdbcUrl);
	}

	@ParameterizedTest
	@MethodSource("urls")
	void translatesTheUrl(String r2dbcUrl, String jdbcUrl) {
		assertThat(R2dbcJdbcConnection.jdbcUrl(ConnectionFactoryOptions.parse(r2dbcUrl))).isEqualTo(jdbcUrl);
	}

	@Test
	void takesUserAndPasswordFromTheUrlButLeavesThemOutOfTheJdbcUrl() {
		MigrationsConnectionDetails connection = R2dbcJdbcConnection
			.of(ConnectionFactoryOptions.parse("r2dbc:pool:postgresql://app_owner:s3cr%40t@db:5432/app"));
		assertThat(connection.getJdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/app");
		assertThat(connection.getUsername()).isEqualTo("app_owner");
		assertThat(connection.getPassword()).isEqualTo("s3cr@t");
	}

	@Test
	void takesUserAndPasswordFromOptionsBuiltInCode() {
		ConnectionFactoryOptions options = ConnectionFactoryOptions.parse("r2dbc:postgresql://db/app")
			.mutate()
			.option(ConnectionFactoryOptions.USER, "app_owner")
			.option(ConnectionFactoryOptions.PASSWORD, new StringBuilder("secret"))
			.option(ConnectionFactoryOptions.PORT, 6543)
			.build();
		MigrationsConnectionDetails connection = R2dbcJdbcConnection.of(options);
		assertThat(connection.getJdbcUrl()).isEqualTo("jdbc:postgresql://db:6543/app");
		assertThat(connection.getUsername()).isEqualTo("app_owner");
		assertThat(connection.getPassword()).isEqualTo("secret");
	}

	@Test
	void keyPasswordInTheJdbcUrlIsMaskedByTheRedactor() {
		String url = R2dbcJdbcConnection
			.jdbcUrl(ConnectionFactoryOptions.parse("r2dbc:postgresql://db/app?sslKey=/k.pk8&sslPassword=KeyS3cret"));
		assertThat(url).contains("sslpassword=KeyS3cret");
		assertThat(Redactor.patternsOnly().redact(url)).doesNotContain("KeyS3cret");
	}

	@ParameterizedTest
	@ValueSource(strings = { "r2dbc:mysql://db:3306/app", "r2dbc:pool:mssql://db/app", "r2dbc:mariadb://db/app",
			"r2dbc:h2:mem:///app", "r2dbc:pool:oracle://db:1521/app" })
	void refusesAnotherDatabase(String r2dbcUrl) {
		assertThatIllegalStateException()
			.isThrownBy(() -> R2dbcJdbcConnection.of(ConnectionFactoryOptions.parse(r2dbcUrl)))
			.withMessageContaining("is not PostgreSQL")
			.withMessageContaining("Nothing was applied")
			.withMessageContaining("migrations.url");
	}

	@Test
	void refusesAnSslModeTheJdbcDriverLacks() {
		assertThatIllegalStateException()
			.isThrownBy(() -> R2dbcJdbcConnection
				.of(ConnectionFactoryOptions.parse("r2dbc:postgresql://db/app?sslMode=tunnel")))
			.withMessageContaining("sslMode 'tunnel' has no JDBC counterpart");
	}

	@Test
	void refusesAUnixSocket() {
		ConnectionFactoryOptions options = ConnectionFactoryOptions.builder()
			.option(ConnectionFactoryOptions.DRIVER, "postgresql")
			.option(io.r2dbc.spi.Option.valueOf("socket"), "/var/run/postgresql/.s.PGSQL.5432")
			.build();
		assertThatIllegalStateException().isThrownBy(() -> R2dbcJdbcConnection.of(options))
			.withMessageContaining("Unix domain socket");
	}

	@Test
	void refusalNamesNoPassword() {
		assertThatIllegalStateException()
			.isThrownBy(
					() -> R2dbcJdbcConnection.of(ConnectionFactoryOptions.parse("r2dbc:mysql://root:TopS3cret@db/app")))
			.withMessageNotContaining("TopS3cret")
			.withMessageContaining("db/app");
	}

}
