package io.citustestkit.examples.springboot;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A kind of event, shared by every tenant: {@code event_types} is a reference table. */
@Entity
@Table(name = "event_types")
public class EventType {

    @Id
    private String name;

    private String description;

    protected EventType() {
    }

    public EventType(String name, String description) {
        this.name = name;
        this.description = description;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }
}
