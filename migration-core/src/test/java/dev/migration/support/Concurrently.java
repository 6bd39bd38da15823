package dev.migration.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.migration.MigrationResult;
import dev.migration.Migrations;

/**
 * Threads that upgrade one database at the same moment, each with a {@link Migrations} of
 * its own.
 */
public final class Concurrently {

	private Concurrently() {
	}

	/**
	 * Upgrades to heads from {@code threads} threads released together; the results in
	 * thread order.
	 */
	public static List<MigrationResult> upgrade(int threads, Supplier<Migrations> migrations) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch ready = new CountDownLatch(threads);
			CountDownLatch go = new CountDownLatch(1);
			List<Future<MigrationResult>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				Migrations own = migrations.get();
				futures.add(pool.submit(() -> {
					ready.countDown();
					go.await();
					return own.upgrade("heads");
				}));
			}
			ready.await();
			go.countDown();
			List<MigrationResult> results = new ArrayList<>();
			for (Future<MigrationResult> future : futures) {
				results.add(future.get(120, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
