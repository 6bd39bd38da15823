package dev.migration;

import java.util.List;

/**
 * A downgrade would pass through a revision that has no downgrade. Refused before
 * anything runs.
 */
public final class IrreversibleRevisionException extends TargetException {

	private static final long serialVersionUID = 1L;

	public IrreversibleRevisionException(String target, List<String> irreversible) {
		super(target, "Cannot downgrade to '" + target + "': revision " + String.join(", ", irreversible)
				+ " has no downgrade section (irreversible). Nothing was run. Add a downgrade, or stamp past it if you "
				+ "reverted it by hand.", irreversible);
	}

}
