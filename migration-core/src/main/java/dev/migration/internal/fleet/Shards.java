package dev.migration.internal.fleet;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.migration.MigrationException;

/**
 * Splits a fleet into N parts by a hash of each name that every JVM on every machine
 * computes alike (SHA-256, not {@code String.hashCode}), so N jobs that each take one
 * part migrate every target exactly once without talking.
 */
public final class Shards {

	private Shards() {
	}

	/**
	 * The members of the fleet in part {@code part} of {@code parts}, in their order.
	 * @throws MigrationException unless 1 <= part <= parts
	 */
	public static <T> List<T> part(List<T> fleet, Function<T, String> name, int part, int parts) {
		if (parts < 1 || part < 1 || part > parts) {
			throw new MigrationException("Invalid shard " + part + "/" + parts
					+ ": use K/N with 1 <= K <= N, e.g. 1/4 for the first of four parts. Nothing was run.");
		}
		List<T> kept = new ArrayList<>();
		for (T member : fleet) {
			if (partOf(name.apply(member), parts) == part) {
				kept.add(member);
			}
		}
		return kept;
	}

	/** The part (1 to parts) that a name falls in. */
	public static int partOf(String name, int parts) {
		return (int) Long.remainderUnsigned(hash(name), parts) + 1;
	}

	private static long hash(String name) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.wrap(digest).getLong();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
