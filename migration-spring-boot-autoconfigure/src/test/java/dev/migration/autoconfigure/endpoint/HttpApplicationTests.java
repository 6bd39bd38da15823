package dev.migration.autoconfigure.endpoint;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Value;

/** A test of an application started on a random port, called over real HTTP. */
abstract class HttpApplicationTests {

	@Value("${local.server.port}")
	int port;

	HttpTestClient http;

	@BeforeEach
	void client() {
		this.http = new HttpTestClient(this.port);
	}

}
