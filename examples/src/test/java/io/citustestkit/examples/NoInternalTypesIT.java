package io.citustestkit.examples;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.citustestkit.testsupport.ApiStatusRules;
import org.junit.jupiter.api.Test;

/**
 * The examples use the kit as any user does: only types marked {@code @API(status = STABLE)} or
 * {@code EXPERIMENTAL}, never one marked {@code INTERNAL} (checked on the examples' compiled classes; no
 * cluster needed).
 */
class NoInternalTypesIT {

    @Test
    void should_use_no_internal_type_of_the_kit() {
        ApiStatusRules.noInternalTypeIsUsed().check(new ClassFileImporter().importPackages("io.citustestkit.examples"));
    }
}
