package dev.ecstags;

import static com.tngtech.archunit.base.DescribedPredicate.or;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.stereotype.Repository;

/**
 * The layering the standards demand: the web layer never reaches the database, the domain never sees HTTP, and
 * the feature packages do not depend on each other in circles.
 */
@AnalyzeClasses(packages = "dev.ecstags", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** A {@code @Repository} class or a Spring Data repository interface. */
    private static final DescribedPredicate<JavaClass> REPOSITORIES = or(
            annotatedWith(Repository.class),
            assignableTo("org.springframework.data.repository.Repository"))
            .as("repositories");

    private static final DescribedPredicate<JavaClass> PERSISTENCE_APIS = resideInAnyPackage(
            "org.springframework.jdbc..", "jakarta.persistence..", "org.springframework.data..")
            .as("persistence APIs (JDBC, JPA, Spring Data)");

    @ArchTest
    static final ArchRule webAndAdminLayersNeverTouchTheDatabase = noClasses()
            .that().resideInAnyPackage("..api..", "..admin..")
            .should().dependOnClassesThat(or(REPOSITORIES, PERSISTENCE_APIS))
            .because("the web layer goes through the domain services, which own the transactions and the SQL");

    @ArchTest
    static final ArchRule theDomainNeverSeesHttp = noClasses()
            .that().resideInAnyPackage("..tag..", "..resource..", "..auth..", "..error..", "..history..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "jakarta.servlet..", "org.springframework.web..", "org.springframework.http..")
            .because("the domain is used by the RPC and the admin web layers alike and is tested without HTTP");

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices()
            .matching("dev.ecstags.(*)..")
            .should().beFreeOfCycles();
}
