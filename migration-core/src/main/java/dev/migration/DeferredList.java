package dev.migration;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Supplier;

/**
 * An unmodifiable list computed on first use: a revision's statements as text, which {@code status} and
 * {@code history} list for a thousand revisions and nobody reads unless a single revision is shown.
 *
 * @param <E> the element type
 */
final class DeferredList<E> extends AbstractList<E> implements RandomAccess {

	private final Supplier<List<E>> computation;

	private volatile List<E> elements;

	private DeferredList(Supplier<List<E>> computation) {
		this.computation = computation;
	}

	static <E> List<E> of(Supplier<List<E>> computation) {
		return new DeferredList<>(computation);
	}

	/** Whether the list is one of these, which a record may keep as it is instead of copying (and computing) it. */
	static boolean isDeferred(List<?> list) {
		return list instanceof DeferredList;
	}

	@Override
	public E get(int index) {
		return elements().get(index);
	}

	@Override
	public int size() {
		return elements().size();
	}

	private List<E> elements() {
		List<E> result = this.elements;
		if (result == null) {
			// computing twice in a race gives equal lists: no lock needed
			result = List.copyOf(this.computation.get());
			this.elements = result;
		}
		return result;
	}

}
