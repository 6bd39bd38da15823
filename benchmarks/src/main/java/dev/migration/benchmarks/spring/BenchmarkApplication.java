package dev.migration.benchmarks.spring;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import dev.migration.benchmarks.PeakMemory;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.metrics.StartupStep;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The minimal web app of the Spring Boot start comparison. Prints
 * {@code RESULT millis=M rssKb=K} at {@code ApplicationReadyEvent}, where M is the JVM's
 * uptime (JVM start to ready), and exits.
 */
@SpringBootApplication
@RestController
public class BenchmarkApplication {

	/**
	 * With {@code benchmark.query-in-background=true}: one {@code SELECT 1} on a plain
	 * JDBC connection, on a thread started before Spring, so that nothing waits for it:
	 * the least any tool that reads the database at start costs.
	 */
	private static void queryInBackground(String[] arguments) {
		String url = argument(arguments, "spring.datasource.url");
		String user = argument(arguments, "spring.datasource.username");
		String password = argument(arguments, "spring.datasource.password");
		Thread thread = new Thread(() -> {
			try (Connection connection = DriverManager.getConnection(url, user, password);
					Statement statement = connection.createStatement()) {
				statement.executeQuery("SELECT 1").close();
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}, "benchmark-query-in-background");
		thread.setDaemon(true);
		thread.start();
	}

	/**
	 * The properties that switch this application to one mode of the start comparison;
	 * every mode runs from the same class path.
	 * @param mode {@code none}, {@code background}, {@code query}, {@code flyway},
	 * {@code ours}, or {@code baseline} (ours from another build's jars)
	 * @param flywayLocation where Flyway's revisions are
	 * @param oursLocation where the starter's revisions are
	 * @return the arguments
	 */
	public static List<String> modeArguments(String mode, String flywayLocation, String oursLocation) {
		boolean ours = mode.equals("ours") || mode.equals("baseline");
		return List.of("--spring.flyway.enabled=" + mode.equals("flyway"),
				"--spring.flyway.locations=" + flywayLocation, "--migrations.enabled=" + ours,
				"--benchmark.query-on-start=" + mode.equals("query"),
				"--benchmark.query-in-background=" + mode.equals("background"),
				"--migrations.locations=" + oursLocation);
	}

	private static String argument(String[] arguments, String name) {
		String prefix = "--" + name + "=";
		return Arrays.stream(arguments)
			.filter((argument) -> argument.startsWith(prefix))
			.map((argument) -> argument.substring(prefix.length()))
			.findFirst()
			.orElse(null);
	}

	@GetMapping("/")
	String hello() {
		return "hello";
	}

	/**
	 * With {@code benchmark.query-on-start=true}: one query before ready, as an app that
	 * checks its database.
	 */
	@Bean
	ApplicationRunner queryOnStart(DataSource dataSource, Environment environment) {
		return (arguments) -> {
			if (environment.getProperty("benchmark.query-on-start", Boolean.class, false)) {
				try (Connection connection = dataSource.getConnection();
						Statement statement = connection.createStatement()) {
					statement.executeQuery("SELECT 1").close();
				}
			}
		};
	}

	private static void printSteps(BufferingApplicationStartup startup) {
		long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
		startup.getBufferedTimeline()
			.getEvents()
			.stream()
			.sorted(Comparator.comparing((StartupTimeline.TimelineEvent event) -> event.getDuration()).reversed())
			.limit(25)
			.forEach((event) -> printStep("STEP", event, jvmStart));
		// and, in start order, every step of the database's beans: where the main thread
		// meets the database
		startup.getBufferedTimeline()
			.getEvents()
			.stream()
			.filter((event) -> DATABASE_BEANS.matcher(tags(event.getStartupStep())).find())
			.forEach((event) -> printStep("DB-STEP", event, jvmStart));
	}

	private static void printStep(String label, StartupTimeline.TimelineEvent event, long jvmStart) {
		System.err.printf("%s %5d ms at %5d ms %s %s%n", label, event.getDuration().toMillis(),
				event.getStartTime().toEpochMilli() - jvmStart, event.getStartupStep().getName(),
				tags(event.getStartupStep()));
	}

	private static final Pattern DATABASE_BEANS = Pattern
		.compile("beanName=\\S*(?i:" + System.getProperty("benchmark.steps-beans", "migration|dataSource|jdbc") + ")");

	private static String tags(StartupStep step) {
		StringBuilder tags = new StringBuilder();
		step.getTags().forEach((tag) -> tags.append(tag.getKey()).append('=').append(tag.getValue()).append(' '));
		return tags.toString();
	}

	/**
	 * With {@code --benchmark.threads=true}: the CPU of every live thread of the process
	 * (the JIT's and the GC's too, which no Java API lists), from {@code /proc} (Linux).
	 */
	private static void printThreadCpu() {
		try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
			tasks.forEach((task) -> {
				try {
					String stat = Files.readString(task.resolve("stat"));
					String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					// utime and stime, fields 14 and 15 of stat(5), in clock ticks of 10
					// ms
					long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
					System.err.println("THREAD-CPU " + ticks * 10 + " ms " + name);
				}
				catch (IOException ex) {
					// a thread that ended meanwhile
				}
			});
		}
		catch (IOException ex) {
			System.err.println("THREAD-CPU unavailable: " + ex.getMessage());
		}
	}

	private static long processCpuMillis() {
		return (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os)
				? os.getProcessCpuTime() / 1_000_000 : -1;
	}

	public static void main(String[] arguments) {
		// not while Spring AOT processes the application: a build connects to nothing
		if ("true".equals(argument(arguments, "benchmark.query-in-background"))
				&& !Boolean.getBoolean("spring.aot.processing")) {
			queryInBackground(arguments);
		}
		SpringApplication application = new SpringApplication(BenchmarkApplication.class);
		// with --benchmark.steps=true: the slowest startup steps (bean instantiations) on
		// stderr, to profile a start
		BufferingApplicationStartup startup = "true".equals(argument(arguments, "benchmark.steps"))
				? new BufferingApplicationStartup(20_000) : null;
		if (startup != null) {
			application.setApplicationStartup(startup);
		}
		// with --benchmark.cpu-steps=true: the main thread's CPU per startup step, to
		// compare two modes
		CpuApplicationStartup cpuSteps = "true".equals(argument(arguments, "benchmark.cpu-steps"))
				? new CpuApplicationStartup() : null;
		if (cpuSteps != null) {
			application.setApplicationStartup(cpuSteps);
		}
		application.addListeners((ApplicationListener<ApplicationReadyEvent>) (event) -> {
			long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
			if (startup != null) {
				printSteps(startup);
			}
			if (cpuSteps != null) {
				cpuSteps.print();
			}
			if ("true".equals(argument(arguments, "benchmark.threads"))) {
				printThreadCpu();
			}
			// the process's CPU so far: on two cores a start keeps both busy, so a tool's
			// cost is about its CPU / 2
			System.out.println("RESULT millis=" + uptime + " rssKb=" + PeakMemory.peakRssKb() + " result=0 cpuMs="
					+ processCpuMillis() + " classes="
					+ ManagementFactory.getClassLoadingMXBean().getLoadedClassCount());
			System.exit(SpringApplication.exit(event.getApplicationContext()));
		});
		application.run(arguments);
	}

}
