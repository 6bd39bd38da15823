package dev.migration.autoconfigure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migration.Migrations;
import dev.migration.Redactor;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.Assert;

/**
 * The application's {@link Migrations} beans by bean name, in bean order, and the default
 * one: the {@code @Primary} bean, else the first. One bean is the usual case; several are
 * each upgraded on startup, and the endpoint and the health contributor show each as an
 * instance.
 *
 * With {@code migrations.schemas}, the instances are the schemas of the tenant fleet
 * instead, named by the schema.
 *
 * @param byName the instances by bean name (or schema), in bean (or name) order
 * @param defaultName the instance the endpoint shows without {@code ?instance=}
 * @param schemas whether the instances are the schemas of {@code migrations.schemas},
 * listed as instances even when there is one
 */
public record MigrationsInstances(Map<String, Migrations> byName, String defaultName, boolean schemas) {

	public MigrationsInstances {
		Assert.isTrue(byName.containsKey(defaultName), () -> "No Migrations instance '" + defaultName + "'");
		byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
	}

	public MigrationsInstances(Map<String, Migrations> byName, String defaultName) {
		this(byName, defaultName, false);
	}

	/**
	 * The {@link Migrations} beans of a context, in the order Spring injects them as a
	 * list.
	 */
	public static MigrationsInstances of(ListableBeanFactory beanFactory) {
		// with migrations.schemas, the auto-configuration's bean of the schemas
		MigrationsInstances schemas = beanFactory.getBeanProvider(MigrationsInstances.class).getIfAvailable();
		if (schemas != null) {
			return schemas;
		}
		Map<String, Migrations> beans = beanFactory.getBeansOfType(Migrations.class);
		ObjectProvider<Migrations> provider = beanFactory.getBeanProvider(Migrations.class);
		Map<String, Migrations> ordered = new LinkedHashMap<>();
		provider.orderedStream().forEach((migrations) -> beans.forEach((name, bean) -> {
			if (bean == migrations) {
				ordered.put(name, bean);
			}
		}));
		Migrations primary = provider.getIfUnique();
		String defaultName = ordered.keySet().iterator().next();
		for (Map.Entry<String, Migrations> entry : ordered.entrySet()) {
			if (entry.getValue() == primary) {
				defaultName = entry.getKey();
			}
		}
		return new MigrationsInstances(ordered, defaultName);
	}

	/**
	 * The bean names when there are several, the schemas of a fleet; empty for one bean,
	 * whose answers keep their single-database shape.
	 */
	public List<String> names() {
		return (this.schemas || this.byName.size() > 1) ? List.copyOf(this.byName.keySet()) : List.of();
	}

	/**
	 * The named instance, the default one for {@code null}, or {@code null} when there is
	 * no such instance.
	 */
	public @Nullable Migrations get(@Nullable String name) {
		return this.byName.get((name != null) ? name : this.defaultName);
	}

	/**
	 * Masks the passwords of the application's settings and of every instance's own
	 * connection.
	 */
	public Redactor redactor(@Nullable Environment environment) {
		Redactor redactor = MigrationsSecrets.redactor(environment, null);
		for (Migrations migrations : this.byName.values()) {
			redactor = redactor.and(migrations.configuration().redactor());
		}
		return redactor;
	}

	/** Exactly one Migrations bean: the starter's own, or the application's. */
	static final class One extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String[] names = context.getBeanFactory().getBeanNamesForType(Migrations.class, true, false);
			return new ConditionOutcome(names.length == 1,
					names.length + " Migrations bean(s): " + String.join(", ", names));
		}

	}

}
