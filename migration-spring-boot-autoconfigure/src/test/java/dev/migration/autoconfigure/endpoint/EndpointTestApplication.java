package dev.migration.autoconfigure.endpoint;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * A web application with nothing but auto-configuration: the endpoint as a user gets it, without Spring Security.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class EndpointTestApplication {

}
