package dev.migration.autoconfigure.slices;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of the {@code things} table that the test revisions create; Hibernate only
 * validates it.
 */
@Entity
@Table(name = "things")
class Thing {

	@Id
	private Integer id;

	private String name;

	private String colour;

	protected Thing() {
	}

	Thing(Integer id, String name, String colour) {
		this.id = id;
		this.name = name;
		this.colour = colour;
	}

	String getColour() {
		return this.colour;
	}

}
