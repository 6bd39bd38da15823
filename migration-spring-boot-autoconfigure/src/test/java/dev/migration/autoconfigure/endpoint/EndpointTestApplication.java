package dev.migration.autoconfigure.endpoint;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * A web application with nothing but auto-configuration: the endpoint as a user gets it,
 * without Spring Security.
 */
@SpringBootConfiguration
// a JDBC application: the test classpath holds an R2DBC driver too, for the reactive
// application tests
@EnableAutoConfiguration(excludeName = "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration")
class EndpointTestApplication {

}
