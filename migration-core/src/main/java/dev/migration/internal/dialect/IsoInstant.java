package dev.migration.internal.dialect;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * An instant as {@link DateTimeFormatter#ISO_INSTANT} prints it, written by hand for the
 * years 1970 to 9999: a history row's time is printed once per step, and the formatter's
 * general code costs more CPU (and JIT compilation) than the rest of the row.
 */
final class IsoInstant {

	/** 9999-12-31T23:59:59Z. */
	private static final long LAST_SECOND = 253402300799L;

	private IsoInstant() {
	}

	static String format(Instant instant) {
		long seconds = instant.getEpochSecond();
		if (seconds < 0 || seconds > LAST_SECOND) {
			return DateTimeFormatter.ISO_INSTANT.format(instant);
		}
		long days = seconds / 86_400;
		int secondOfDay = (int) (seconds % 86_400);
		// days to civil date (Howard Hinnant's algorithm), from 0000-03-01
		long shifted = days + 719_468;
		long era = shifted / 146_097;
		long dayOfEra = shifted - era * 146_097;
		long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
		long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
		long monthIndex = (5 * dayOfYear + 2) / 153;
		int day = (int) (dayOfYear - (153 * monthIndex + 2) / 5 + 1);
		int month = (int) ((monthIndex < 10) ? monthIndex + 3 : monthIndex - 9);
		int year = (int) (yearOfEra + era * 400 + ((month <= 2) ? 1 : 0));
		StringBuilder text = new StringBuilder(30);
		digits(text, year, 4).append('-');
		digits(text, month, 2).append('-');
		digits(text, day, 2).append('T');
		digits(text, secondOfDay / 3600, 2).append(':');
		digits(text, secondOfDay / 60 % 60, 2).append(':');
		digits(text, secondOfDay % 60, 2);
		int nanos = instant.getNano();
		if (nanos > 0) {
			// as ISO_INSTANT: three, six or nine digits, as many as the value needs
			text.append('.');
			if (nanos % 1_000_000 == 0) {
				digits(text, nanos / 1_000_000, 3);
			}
			else if (nanos % 1_000 == 0) {
				digits(text, nanos / 1_000, 6);
			}
			else {
				digits(text, nanos, 9);
			}
		}
		return text.append('Z').toString();
	}

	private static StringBuilder digits(StringBuilder text, int value, int width) {
		String number = Integer.toString(value);
		for (int padding = width - number.length(); padding > 0; padding--) {
			text.append('0');
		}
		return text.append(number);
	}

}
