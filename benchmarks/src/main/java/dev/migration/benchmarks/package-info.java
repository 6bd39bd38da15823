/**
 * Benchmarks against Flyway and Liquibase on the same workload.
 */
package dev.migration.benchmarks;
