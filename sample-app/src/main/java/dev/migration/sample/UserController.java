package dev.migration.sample;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /users} and {@code POST /users} over the migrated schema. The SQL is
 * portable between SQLite and PostgreSQL; the DDL that is not lives in the revisions.
 */
@RestController
@RequestMapping("/users")
class UserController {

	private static final String SELECT = "SELECT id, username, email, email_verified, team_id FROM users";

	private final JdbcClient jdbc;

	UserController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping
	List<User> list() {
		return this.jdbc.sql(SELECT + " ORDER BY id").query(UserController::user).list();
	}

	@PostMapping
	ResponseEntity<?> create(@RequestBody NewUser user) {
		if (!StringUtils.hasText(user.username()) || !StringUtils.hasText(user.email())) {
			return ResponseEntity.badRequest()
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "username and email are required"));
		}
		if (taken(user)) {
			return conflict();
		}
		this.jdbc.sql("INSERT INTO users (username, email) VALUES (:username, :email)")
			.param("username", user.username())
			.param("email", user.email())
			.update();
		// read it back by its unique username: portable, where generated-key support
		// differs between drivers
		User created = this.jdbc.sql(SELECT + " WHERE username = :username")
			.param("username", user.username())
			.query(UserController::user)
			.single();
		return ResponseEntity.created(URI.create("/users/" + created.id())).body(created);
	}

	/**
	 * SQLite's driver reports a unique violation without a code Spring translates, so
	 * look first.
	 */
	private boolean taken(NewUser user) {
		return this.jdbc.sql("SELECT COUNT(*) FROM users WHERE username = :username OR email = :email")
			.param("username", user.username())
			.param("email", user.email())
			.query(Long.class)
			.single() > 0;
	}

	@ExceptionHandler(DuplicateKeyException.class)
	ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException ex) {
		return conflict();
	}

	private static ResponseEntity<ProblemDetail> conflict() {
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "username or email already taken"));
	}

	private static User user(ResultSet row, int rowNum) throws SQLException {
		Number teamId = (Number) row.getObject("team_id");
		return new User(row.getLong("id"), row.getString("username"), row.getString("email"),
				row.getBoolean("email_verified"), (teamId != null) ? teamId.longValue() : null);
	}

}
