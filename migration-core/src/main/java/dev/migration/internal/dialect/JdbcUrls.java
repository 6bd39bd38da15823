package dev.migration.internal.dialect;

import java.util.regex.Pattern;

/**
 * Keeps passwords out of messages.
 */
public final class JdbcUrls {

	private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password|pwd)=[^&;]*");

	private static final Pattern USER_INFO = Pattern.compile("//([^/@:]+):([^/@]*)@");

	private JdbcUrls() {
	}

	/** The URL with any password replaced by {@code ****}. */
	public static String redact(String url) {
		String redacted = PASSWORD_PARAMETER.matcher(url).replaceAll("$1=****");
		return USER_INFO.matcher(redacted).replaceAll("//$1:****@");
	}

}
