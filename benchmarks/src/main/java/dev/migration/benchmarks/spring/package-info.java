/**
 * The minimal Spring Boot application whose start the benchmarks time with each migration
 * tool.
 */
package dev.migration.benchmarks.spring;
