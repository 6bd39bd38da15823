package dev.migration.sample;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The {@code production} profile: HTTP basic in front of the actuator. Health is open
 * (probes), the {@code migrations} endpoint reads for operators, and only a migrations
 * administrator may downgrade. The passwords come from the environment
 * ({@code SAMPLE_SECURITY_OPERATOR_PASSWORD}, {@code SAMPLE_SECURITY_ADMIN_PASSWORD});
 * there is no default on purpose.
 */
@Configuration(proxyBeanMethods = false)
@Profile("production")
class SecurityConfiguration {

	static final String OPERATOR = "OPERATOR";

	static final String MIGRATIONS_ADMIN = "MIGRATIONS_ADMIN";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(EndpointRequest.to("health"))
			.permitAll()
			.requestMatchers(EndpointRequest.to("migrations").withHttpMethod(HttpMethod.POST))
			.hasRole(MIGRATIONS_ADMIN)
			.requestMatchers(EndpointRequest.to("migrations"))
			.hasAnyRole(OPERATOR, MIGRATIONS_ADMIN)
			.requestMatchers(EndpointRequest.toAnyEndpoint())
			.denyAll()
			// the sample's own /users API stays open: this profile is about the
			// operator's endpoint
			.anyRequest()
			.permitAll());
		http.httpBasic(Customizer.withDefaults());
		// HTTP basic clients (curl, scripts) carry no session cookie a CSRF attack could
		// ride on
		http.csrf((csrf) -> csrf.disable());
		http.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	@Bean
	InMemoryUserDetailsManager users(@Value("${sample.security.operator-name:operator}") String operatorName,
			@Value("${sample.security.operator-password}") String operatorPassword,
			@Value("${sample.security.admin-name:admin}") String adminName,
			@Value("${sample.security.admin-password}") String adminPassword) {
		PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		return new InMemoryUserDetailsManager(
				User.withUsername(operatorName).password(encoder.encode(operatorPassword)).roles(OPERATOR).build(),
				User.withUsername(adminName)
					.password(encoder.encode(adminPassword))
					.roles(OPERATOR, MIGRATIONS_ADMIN)
					.build());
	}

}
