package dev.migration.autoconfigure.endpoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers a downgrade whose body is not JSON at all (Spring MVC refuses it before the endpoint is called) with the
 * endpoint's own refusal body, {@code {"error": "invalid_request", "message": ...}}, and HTTP 400. Every other
 * request and exception is left to Spring MVC.
 */
final class MalformedDowngradeRequestResolver implements HandlerExceptionResolver, Ordered {

	private static final String BODY = "{\"error\":\"invalid_request\",\"message\":\"The request body is not valid "
			+ "JSON. Send {\\\"target\\\": \\\"-1\\\", \\\"expectedCurrent\\\": \\\"<current revision>\\\", "
			+ "\\\"dryRun\\\": true}. Nothing was run.\"}";

	private final ObjectProvider<PathMappedEndpoints> endpoints;

	MalformedDowngradeRequestResolver(ObjectProvider<PathMappedEndpoints> endpoints) {
		this.endpoints = endpoints;
	}

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		if (!(ex instanceof HttpMessageNotReadableException) || !"POST".equals(request.getMethod())
				|| !isMigrationsEndpoint(request)) {
			return null;
		}
		try {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.getOutputStream().write(BODY.getBytes(StandardCharsets.UTF_8));
			return new ModelAndView();
		}
		catch (IOException writeFailed) {
			return null;
		}
	}

	private boolean isMigrationsEndpoint(HttpServletRequest request) {
		PathMappedEndpoints pathMapped = this.endpoints.getIfAvailable();
		String path = (pathMapped != null) ? pathMapped.getPath(EndpointId.of("migrations")) : null;
		return path != null && request.getRequestURI().equals(request.getContextPath() + path);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

}
