package dev.migration.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of a real server that counts the connections made through it and
 * drops the first few (a database that cannot be reached yet): what "opens no connection"
 * and "retries" are measured with.
 */
public final class TcpProxy implements AutoCloseable {

	private final ServerSocket server;

	private final int targetPort;

	private final int dropFirst;

	private final AtomicInteger connections = new AtomicInteger();

	private TcpProxy(int targetPort, int dropFirst) throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.targetPort = targetPort;
		this.dropFirst = dropFirst;
		Thread acceptor = new Thread(this::accept, "tcp-proxy-" + this.server.getLocalPort());
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/** A proxy to the local port that forwards every connection. */
	public static TcpProxy to(int targetPort) {
		return dropping(targetPort, 0);
	}

	/**
	 * A proxy to the local port that closes the first {@code dropFirst} connections at
	 * once.
	 */
	public static TcpProxy dropping(int targetPort, int dropFirst) {
		try {
			return new TcpProxy(targetPort, dropFirst);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A proxy in front of the shared embedded PostgreSQL server. */
	public static TcpProxy toPostgres(int dropFirst) {
		return dropping(PostgresDatabase.server().getPort(), dropFirst);
	}

	public int port() {
		return this.server.getLocalPort();
	}

	/** The JDBC URL of a database of the PostgreSQL server behind this proxy. */
	public String postgresUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
	}

	/** How many connections were made through the proxy, dropped ones included. */
	public int connections() {
		return this.connections.get();
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				if (this.connections.incrementAndGet() <= this.dropFirst) {
					client.close();
					continue;
				}
				Socket target = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
				pump(client, target);
				pump(target, client);
			}
			catch (IOException ex) {
				// closed: the test is over
			}
		}
	}

	private static void pump(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (IOException ex) {
				// one side went away; closing both ends the other direction too
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "tcp-proxy-pump");
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			// nothing left to release
		}
	}

}
