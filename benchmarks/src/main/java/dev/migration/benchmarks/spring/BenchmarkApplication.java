package dev.migration.benchmarks.spring;

import java.lang.management.ManagementFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.migration.benchmarks.PeakMemory;

/**
 * The minimal web app of the Spring Boot start comparison. Prints {@code RESULT millis=M rssKb=K} at
 * {@code ApplicationReadyEvent}, where M is the JVM's uptime (JVM start to ready), and exits.
 */
@SpringBootApplication
@RestController
public class BenchmarkApplication {

	@GetMapping("/")
	String hello() {
		return "hello";
	}

	public static void main(String[] arguments) {
		SpringApplication application = new SpringApplication(BenchmarkApplication.class);
		application.addListeners((ApplicationListener<ApplicationReadyEvent>) (event) -> {
			long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
			System.out.println("RESULT millis=" + uptime + " rssKb=" + PeakMemory.peakRssKb() + " result=0");
			System.exit(SpringApplication.exit(event.getApplicationContext()));
		});
		application.run(arguments);
	}

}
