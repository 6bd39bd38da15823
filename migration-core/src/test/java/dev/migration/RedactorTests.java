package dev.migration;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RedactorTests {

	@Test
	void aPasswordParameterIsMaskedPastASemicolonUpToTheNextParameter() {
		String url = "jdbc:postgresql://db/app?password=Sekr3t;Tail&ssl=true";

		assertThat(Redactor.patternsOnly().redact(url)).isEqualTo("jdbc:postgresql://db/app?password=****&ssl=true");
	}

	@Test
	void userInfoIsMaskedUpToTheLastAt() {
		assertThat(Redactor.patternsOnly().redact("jdbc:postgresql://app:p@ss;w0rd@db:5432/app"))
			.isEqualTo("jdbc:postgresql://app:****@db:5432/app");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Sekr3t;Tail", "a&b=c", "at@sign", "100%sure", "two words", "p@ss w;rd&%41" })
	void aKnownPasswordIsMaskedWhereverItAppearsAlsoUrlEncoded(String password) {
		Redactor redactor = Redactor.of("jdbc:postgresql://db/app", password);
		String encoded = URLEncoder.encode(password, StandardCharsets.UTF_8);
		String text = "driver said: user x with " + password + " / " + encoded + " / " + encoded.replace("+", "%20")
				+ " / " + encoded.toLowerCase();

		assertThat(redactor.redact(text)).doesNotContain(password)
			.doesNotContain(encoded)
			.startsWith("driver said: user x with ****");
	}

	@Test
	void theUrlsOwnPasswordIsKnownDecodedAndAsWritten() {
		Redactor redactor = Redactor.of("jdbc:postgresql://u:Sek%40r3t@db/app?password=a%26b;c", null);

		assertThat(redactor.redact("java.net.UnknownHostException: u:Sek@r3t@db")).doesNotContain("Sek@r3t");
		assertThat(redactor.redact("login with a&b;c failed")).isEqualTo("login with **** failed");
	}

	@Test
	void aPasswordInsideALongerWordStaysForTheMessageToBeReadable() {
		Redactor redactor = Redactor.of(null, "postgres");

		assertThat(redactor.redact("jdbc:postgresql://u:postgres@db/app as postgres"))
			.isEqualTo("jdbc:postgresql://u:****@db/app as ****");
	}

	@Test
	void aFailuresCausesAreCopiedWithoutTheSecretKeepingTheSqlState() {
		SQLException driver = new SQLException("No suitable driver found for jdbc:x://db?password=Sekr3t;Tail", "08001",
				7);
		driver.initCause(new IllegalStateException("host u:Sekr3t;Tail@db"));

		Throwable redacted = Redactor.of(null, "Sekr3t;Tail").redact(driver);

		assertThat(redacted).isInstanceOf(SQLException.class).hasMessageNotContaining("Sekr3t");
		assertThat(((SQLException) redacted).getSQLState()).isEqualTo("08001");
		assertThat(redacted.getCause()).hasToString("java.lang.IllegalStateException: host u:****@db");
		assertThat(redacted.getStackTrace()).isEqualTo(driver.getStackTrace());
		assertThat(Redactor.of(null, "Sekr3t;Tail").stackTrace(driver)).doesNotContain("Sekr3t")
			.contains("IllegalStateException");
	}

	@Test
	void aCleanFailureIsKeptAsItIs() {
		SQLException clean = new SQLException("relation \"t\" does not exist");

		assertThat(Redactor.of(null, "Sekr3t").redact(clean)).isSameAs(clean);
	}

	@ParameterizedTest
	@ValueSource(strings = { "jdbc:postgresq://localhost:1/app?password=Sekr3t;Tail",
			"jdbc:postgresql://localhost:notaport/app?password=Sekr3t;Tail",
			"jdbc:postgresql://localhost:1/app?password=Sekr3t;Tail",
			"jdbc:postgresql://u:Sekr3t;Tail@localhost:1/app" })
	void aConnectionFailureCarriesThePasswordNeitherInItsMessageNorInItsCauses(String url) {
		Migrations migrations = Migrations.create(MigrationConfiguration.builder()
			.url(url)
			.password("Sekr3t;Tail")
			.locations("classpath:db/seed")
			.build());

		MigrationDatabaseException failure = catchThrowableOfType(MigrationDatabaseException.class,
				() -> migrations.upgrade("heads"));

		assertThat(failure).hasMessageStartingWith("Cannot connect to jdbc:postgres");
		StringWriter trace = new StringWriter();
		failure.printStackTrace(new PrintWriter(trace));
		assertThat(trace.toString()).doesNotContain("Sekr3t").doesNotContain("Tail");
	}

	@Test
	void moreSecretsAddUp() {
		Redactor redactor = Redactor.of("jdbc:postgresql://db/a", "first-pw")
			.and(null, "second-pw")
			.andSecrets(List.of("third-pw"));

		assertThat(redactor.redact("first-pw second-pw third-pw")).isEqualTo("**** **** ****");
	}

}
