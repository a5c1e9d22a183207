package io.citustestkit.spring;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.citustestkit.testsupport.ApiStatusRules;
import org.junit.jupiter.api.Test;

/** Every public type of this published module (none today: Spring loads its factory by name) says its {@code @API} status. */
class ApiStatusTest {

    @Test
    void should_give_every_public_type_an_api_status() {
        ApiStatusRules.everyPublicTypeHasAnApiStatus().allowEmptyShould(true).check(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.citustestkit.spring"));
    }
}
