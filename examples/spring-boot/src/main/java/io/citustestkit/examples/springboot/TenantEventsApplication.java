package io.citustestkit.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small multi-tenant service on Citus: users (the tenants), their sessions and events, and the
 * event types every tenant shares. Flyway makes the tables ({@code db/migration}); the repositories
 * are Spring Data JPA.
 */
@SpringBootApplication
public class TenantEventsApplication {

    public static void main(String[] args) {
        SpringApplication.run(TenantEventsApplication.class, args);
    }
}
