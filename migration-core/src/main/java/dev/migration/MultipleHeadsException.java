package dev.migration;

import java.util.List;

/**
 * The target asks for the single head, but there are several.
 */
public final class MultipleHeadsException extends TargetException {

	private static final long serialVersionUID = 1L;

	public MultipleHeadsException(String target, List<String> heads) {
		super(target, "Target '" + target + "' asks for one head, but there are " + heads.size() + ": "
				+ String.join(", ", heads)
				+ ". Use 'heads' for all of them, '<label>@head' or a revision id for one, or merge them. Nothing "
				+ "was run.", heads);
	}

	/** The heads there are (Alembic's {@code MultipleHeads.heads}). */
	public List<String> heads() {
		return revisions();
	}

}
