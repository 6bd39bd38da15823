/**
 * The sample application: a small Spring Boot web service over users, teams and posts
 * whose schema the starter migrates at startup.
 */
package dev.migration.sample;
