package io.citustestkit.architecture;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.citustestkit.CitusImage;
import io.citustestkit.commons.Sha256;
import io.citustestkit.testsupport.ApiStatusRules;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rule the examples are checked with must fail on a user of an INTERNAL type, and pass without one. */
class ApiStatusRulesTest {

    static class UsesAnInternalType {
        String hash() {
            return Sha256.ofText(List.of("a"));
        }
    }

    static class UsesStableTypesOnly {
        String image() {
            return CitusImage.DEFAULT_IMAGE;
        }

        CitusImage resolve() {
            return CitusImage.resolve(null);
        }
    }

    @Test
    void should_fail_on_a_class_that_uses_an_internal_type() {
        assertThatThrownBy(() -> ApiStatusRules.noInternalTypeIsUsed().check(new ClassFileImporter().importClasses(UsesAnInternalType.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("io.citustestkit.commons.Sha256")
                .hasMessageContaining("@API(status = INTERNAL)");
    }

    @Test
    void should_pass_a_class_that_uses_stable_types_only() {
        assertThatCode(() -> ApiStatusRules.noInternalTypeIsUsed().check(new ClassFileImporter().importClasses(UsesStableTypesOnly.class)))
                .doesNotThrowAnyException();
    }
}
