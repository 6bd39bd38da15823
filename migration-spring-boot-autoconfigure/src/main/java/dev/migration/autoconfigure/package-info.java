/**
 * Auto-configuration for migrations in a Spring Boot application: the
 * {@code migrations.*} properties mapped onto the core's configuration, the startup
 * upgrade and its hooks, connection details and the failure analyzer.
 */
package dev.migration.autoconfigure;
