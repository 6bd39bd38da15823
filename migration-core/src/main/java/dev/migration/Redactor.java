package dev.migration;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that keeps passwords out of what is printed: messages, log lines, URLs,
 * stack traces. It works in two layers, so that neither alone has to be perfect:
 * <ol>
 * <li>every known secret (a password given on its own, the password inside a JDBC URL) is
 * replaced wherever it appears, as it is and URL-encoded;</li>
 * <li>credentials shaped like a URL's ({@code user:secret@host}, {@code password=secret})
 * are masked whatever their value, for URLs nobody told us about (a driver's message
 * naming another URL).</li>
 * </ol>
 * A {@code password=} value runs to {@code &} or the end of the word, not to {@code ;}:
 * PostgreSQL's driver keeps a {@code ;} in the password. Instances are immutable;
 * {@link #and} returns a new one with more secrets.
 */
public final class Redactor {

	/** What a secret is replaced with. */
	public static final String MASK = "****";

	/**
	 * {@code password=}, {@code pwd=}, {@code sslpassword=}, ...: the value up to
	 * {@code &}, a space or the end.
	 */
	private static final Pattern PASSWORD_PARAMETER = Pattern
		.compile("(?i)((?:password|passwd|pwd|secret)\\s*=\\s*)[^&\\s]+");

	/**
	 * {@code //user:secret@host}: the secret may hold {@code @} or {@code ;}, so up to
	 * the last {@code @}.
	 */
	private static final Pattern USER_INFO = Pattern.compile("(//[^/\\s:@]*):[^/\\s]*@");

	/**
	 * {@code user:secret@host} and {@code password=secret} as they are written inside a
	 * URL.
	 */
	private static final Pattern URL_PASSWORD_PARAMETER = Pattern
		.compile("(?i)(?:^|[?&;])(?:password|passwd|pwd)=([^&]*)");

	private static final Pattern URL_USER_INFO = Pattern.compile("//[^/@:]*:([^/]*)@");

	private static final Pattern PERCENT_ESCAPE = Pattern.compile("%[0-9A-F]{2}");

	private static final Redactor PATTERNS_ONLY = new Redactor(List.of());

	/**
	 * Every form of every secret, longest first so that a secret inside another one never
	 * leaves a tail.
	 */
	private final List<String> forms;

	private Redactor(List<String> forms) {
		this.forms = forms;
	}

	/**
	 * Masks URL-shaped credentials only: for text from a connection whose secrets are not
	 * known here.
	 */
	public static Redactor patternsOnly() {
		return PATTERNS_ONLY;
	}

	/**
	 * The secrets of one connection: its password and the password a JDBC URL carries
	 * itself.
	 * @param url a JDBC URL, or {@code null}
	 * @param password the password given beside it, or {@code null}
	 */
	public static Redactor of(String url, String password) {
		return PATTERNS_ONLY.and(url, password);
	}

	/** This redactor with the secrets of one more connection (see {@link #of}). */
	public Redactor and(String url, String password) {
		List<String> secrets = new ArrayList<>();
		secrets.add(password);
		secrets.addAll(urlSecrets(url));
		return andSecrets(secrets);
	}

	/** This redactor with the secrets the other one knows too. */
	public Redactor and(Redactor other) {
		return (other == null) ? this : andForms(other.forms);
	}

	/** This redactor with more secret values; {@code null} and empty ones are ignored. */
	public Redactor andSecrets(Collection<String> secrets) {
		Set<String> forms = new LinkedHashSet<>();
		for (String secret : secrets) {
			if (secret != null && !secret.isEmpty()) {
				forms.addAll(forms(secret));
			}
		}
		return andForms(forms);
	}

	private Redactor andForms(Collection<String> more) {
		Set<String> forms = new LinkedHashSet<>(this.forms);
		forms.addAll(more);
		if (forms.size() == this.forms.size()) {
			return this;
		}
		List<String> sorted = new ArrayList<>(forms);
		sorted.sort(Comparator.comparingInt(String::length).reversed());
		return new Redactor(List.copyOf(sorted));
	}

	/**
	 * The text with every known secret and every URL-shaped credential replaced by
	 * {@link #MASK}.
	 */
	public String redact(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		String redacted = text;
		for (String form : this.forms) {
			redacted = replace(redacted, form);
		}
		redacted = PASSWORD_PARAMETER.matcher(redacted).replaceAll("$1" + MASK);
		return USER_INFO.matcher(redacted).replaceAll("$1:" + MASK + "@");
	}

	/**
	 * The failure, or a copy of it whose messages (its causes' and suppressed ones' too)
	 * hold no secret. A copy keeps the stack traces and, for a {@link SQLException}, the
	 * SQL state and vendor code; other types print under their original class name.
	 */
	public Throwable redact(Throwable failure) {
		if (failure == null || isClean(failure, new ArrayList<>())) {
			return failure;
		}
		return copy(failure, new ArrayList<>());
	}

	/**
	 * The failure's stack trace as {@link Throwable#printStackTrace()} prints it,
	 * redacted.
	 */
	public String stackTrace(Throwable failure) {
		StringWriter trace = new StringWriter();
		try (PrintWriter writer = new PrintWriter(trace)) {
			failure.printStackTrace(writer);
		}
		return redact(trace.toString());
	}

	/**
	 * Replaces each occurrence of the form, except where it is only part of a longer
	 * word: a password {@code postgres} must mask {@code :postgres@} but not turn
	 * {@code jdbc:postgresql:} into {@code jdbc:****ql:}.
	 */
	private static String replace(String text, String form) {
		int found = text.indexOf(form);
		if (found < 0) {
			return text;
		}
		StringBuilder result = new StringBuilder(text.length());
		int copied = 0;
		while (found >= 0) {
			int end = found + form.length();
			boolean insideWord = (isWordCharacter(form.charAt(0)) && found > 0
					&& isWordCharacter(text.charAt(found - 1)))
					|| (isWordCharacter(form.charAt(form.length() - 1)) && end < text.length()
							&& isWordCharacter(text.charAt(end)));
			if (insideWord) {
				found = text.indexOf(form, found + 1);
				continue;
			}
			result.append(text, copied, found).append(MASK);
			copied = end;
			found = text.indexOf(form, end);
		}
		return result.append(text, copied, text.length()).toString();
	}

	private static boolean isWordCharacter(char character) {
		return Character.isLetterOrDigit(character) || character == '_';
	}

	/**
	 * The secret as typed, and as a URL or a form would carry it (space as {@code +} or
	 * {@code %20}, any hex case).
	 */
	private static Set<String> forms(String secret) {
		Set<String> forms = new LinkedHashSet<>();
		forms.add(secret);
		String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
		String percentSpaces = encoded.replace("+", "%20");
		for (String form : List.of(encoded, percentSpaces)) {
			forms.add(form);
			forms.add(lowerCaseEscapes(form));
		}
		return forms;
	}

	private static String lowerCaseEscapes(String encoded) {
		return PERCENT_ESCAPE.matcher(encoded).replaceAll((match) -> match.group().toLowerCase(Locale.ROOT));
	}

	/**
	 * The password parameters and user-info password of a URL, as written and decoded.
	 */
	private static List<String> urlSecrets(String url) {
		List<String> secrets = new ArrayList<>();
		if (url == null) {
			return secrets;
		}
		Matcher parameter = URL_PASSWORD_PARAMETER.matcher(url);
		while (parameter.find()) {
			addWithDecoded(secrets, parameter.group(1));
		}
		Matcher userInfo = URL_USER_INFO.matcher(url);
		if (userInfo.find()) {
			addWithDecoded(secrets, userInfo.group(1));
		}
		return secrets;
	}

	private static void addWithDecoded(List<String> secrets, String value) {
		secrets.add(value);
		try {
			secrets.add(URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8));
			secrets.add(URLDecoder.decode(value, StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException ex) {
			// not valid percent-encoding: the driver reads it as written, which is
			// already added
		}
	}

	private boolean isClean(Throwable failure, List<Throwable> seen) {
		if (seen.contains(failure)) {
			return true;
		}
		seen.add(failure);
		String message = failure.getMessage();
		if (message != null && !message.equals(redact(message))) {
			return false;
		}
		for (Throwable suppressed : failure.getSuppressed()) {
			if (!isClean(suppressed, seen)) {
				return false;
			}
		}
		return failure.getCause() == null || isClean(failure.getCause(), seen);
	}

	private Throwable copy(Throwable failure, List<Throwable> seen) {
		seen.add(failure);
		String message = redact(failure.getMessage());
		Throwable copy;
		if (failure instanceof SQLException sql) {
			copy = new SQLException(message, sql.getSQLState(), sql.getErrorCode());
		}
		else {
			copy = new RedactedException(failure.getClass().getName(), message);
		}
		copy.setStackTrace(failure.getStackTrace());
		Throwable cause = failure.getCause();
		if (cause != null && !seen.contains(cause)) {
			copy.initCause(copy(cause, seen));
		}
		for (Throwable suppressed : failure.getSuppressed()) {
			if (!seen.contains(suppressed)) {
				copy.addSuppressed(copy(suppressed, seen));
			}
		}
		return copy;
	}

	/** Stands for a failure whose message held a secret; prints as the original would. */
	private static final class RedactedException extends Exception {

		private static final long serialVersionUID = 1L;

		private final String originalType;

		RedactedException(String originalType, String message) {
			super(message);
			this.originalType = originalType;
		}

		@Override
		public String toString() {
			String message = getMessage();
			return (message != null) ? this.originalType + ": " + message : this.originalType;
		}

	}

}
