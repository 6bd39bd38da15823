package dev.migration.sample;

/**
 * The body of {@code POST /users}.
 *
 * @param username unique
 * @param email unique
 */
public record NewUser(String username, String email) {

}
