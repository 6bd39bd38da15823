package dev.migration.autoconfigure.endpoint;

import org.springframework.test.context.TestPropertySource;

/**
 * The endpoint on a reactive (WebFlux, Netty) server: the same answers as on a servlet
 * one, malformed bodies included, with nothing written by hand for either.
 */
@TestPropertySource(properties = "spring.main.web-application-type=reactive")
class MigrationsEndpointWebFluxTests extends MigrationsEndpointWebTests {

}
