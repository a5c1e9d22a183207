package io.citustestkit.testsupport;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchRule;
import org.apiguardian.api.API;

import java.util.Optional;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The {@code @API} status rules (org.apiguardian), shared by the published modules' architecture tests and
 * by the examples, which use the kit as any user does:
 *
 * <pre>{@code
 * ApiStatusRules.everyPublicTypeHasAnApiStatus().check(new ClassFileImporter().importPackages("io.citustestkit.junit5"));
 * ApiStatusRules.noInternalTypeIsUsed().check(new ClassFileImporter().importPackages("io.citustestkit.examples"));
 * }</pre>
 */
public final class ApiStatusRules {

    private ApiStatusRules() {
    }

    /** Every public top-level type says whether it is {@code STABLE}, {@code EXPERIMENTAL} or {@code INTERNAL}. */
    public static ArchRule everyPublicTypeHasAnApiStatus() {
        return classes().that().arePublic().and().areTopLevelClasses().and().doNotHaveSimpleName("package-info")
                .should().beAnnotatedWith(API.class)
                .because("a user must see in the code what is API and what is the kit's machinery (@API(status = ...))");
    }

    /** The classes checked use no type marked {@code @API(status = INTERNAL)} (nor a type nested in one). */
    public static ArchRule noInternalTypeIsUsed() {
        return noClasses().should().dependOnClassesThat(internal())
                .because("types marked @API(status = INTERNAL) are the kit's machinery and change without notice");
    }

    /** Types whose {@code @API} status, or that of a type they are nested in, is {@code INTERNAL}. */
    public static DescribedPredicate<JavaClass> internal() {
        return DescribedPredicate.describe("are @API(status = INTERNAL)", ApiStatusRules::isInternal);
    }

    /** Whether {@code type} (or a type it is nested in) is marked {@code @API(status = INTERNAL)}. */
    public static boolean isInternal(JavaClass type) {
        return status(type).filter(status -> status == API.Status.INTERNAL).isPresent();
    }

    /** The {@code @API} status of {@code type} or of the nearest type it is nested in that has one. */
    public static Optional<API.Status> status(JavaClass type) {
        for (JavaClass current = type; current != null; current = current.getEnclosingClass().orElse(null)) {
            if (current.isAnnotatedWith(API.class)) {
                return Optional.of(current.getAnnotationOfType(API.class).status());
            }
        }
        return Optional.empty();
    }

    /** Whether {@code type} is public and top-level (what must carry a status). */
    public static boolean isPublicTopLevel(JavaClass type) {
        return type.getModifiers().contains(JavaModifier.PUBLIC) && type.isTopLevelClass()
                && !type.getSimpleName().equals("package-info");
    }
}
