package dev.migration.sample;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * HTTP calls to the running sample with Spring's {@link RestClient}, as a user's tests
 * make them: every status is an answer to assert on, not an exception.
 */
final class SampleClient {

	private final RestClient rest;

	SampleClient(int port) {
		this(port, null, null);
	}

	/** Each call with HTTP basic credentials, unless the user is {@code null}. */
	SampleClient(int port, String user, String password) {
		this.rest = RestClient.builder().baseUrl("http://localhost:" + port).defaultHeaders((headers) -> {
			if (user != null) {
				headers.setBasicAuth(user, password);
			}
		}).defaultStatusHandler((status) -> true, (request, response) -> {
		}).build();
	}

	ResponseEntity<String> get(String path) {
		return this.rest.get().uri(path).retrieve().toEntity(String.class);
	}

	ResponseEntity<String> post(String path, String json) {
		return this.rest.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(json)
			.retrieve()
			.toEntity(String.class);
	}

}
