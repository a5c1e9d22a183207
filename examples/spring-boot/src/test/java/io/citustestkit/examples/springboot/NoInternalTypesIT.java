package io.citustestkit.examples.springboot;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.citustestkit.testsupport.ApiStatusRules;
import org.junit.jupiter.api.Test;

/**
 * The Spring Boot example uses the kit as any user does: only types marked {@code @API(status = STABLE)} or
 * {@code EXPERIMENTAL}, never one marked {@code INTERNAL} (checked on its compiled classes, main and test; no
 * cluster needed).
 */
class NoInternalTypesIT {

    @Test
    void should_use_no_internal_type_of_the_kit() {
        ApiStatusRules.noInternalTypeIsUsed().check(new ClassFileImporter().importPackages("io.citustestkit.examples.springboot"));
    }
}
