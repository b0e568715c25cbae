package io.faketicdc.boundary;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The boundary between the engine's public API ({@link PublicApiTest#PUBLIC_PACKAGES}) and its
 * internals ({@code io.faketicdc.internal..}, and the standalone runner): the public types are plain
 * Java, their JSON mapping lives in internal mix-ins. Package cycles: {@link PackageCyclesTest}.
 */
class ArchitectureTest {
    static final JavaClasses ENGINE = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages("io.faketicdc");
    private static final String[] PUBLIC = PublicApiTest.PUBLIC_PACKAGES.toArray(String[]::new);
    private static final String[] FRAMEWORKS = {"com.fasterxml.jackson..", "io.javalin..", "org.eclipse.jetty.."};

    @Test
    void publicSignaturesNameNoJacksonJavalinOrJettyType() {
        classes().that().resideInAnyPackage(PUBLIC).and().arePublic()
                .should(haveNoPublicSignatureInvolving(FRAMEWORKS))
                .check(ENGINE);
    }

    @Test
    void publicSignaturesNameNoInternalType() {
        classes().that().resideInAnyPackage(PUBLIC).and().arePublic()
                .should(haveNoPublicSignatureInvolving("io.faketicdc.internal..", "io.faketicdc.standalone.."))
                .check(ENGINE);
    }

    @Test
    void noPublicPackageClassCarriesAJacksonAnnotation() {
        classes().that().resideInAnyPackage(PUBLIC)
                .should(carryNoAnnotationFrom("com.fasterxml.jackson"))
                .check(ENGINE);
    }

    @Test
    void publicPackagesUseNoJavalinOrJettyAtAll() {
        noClasses().that().resideInAnyPackage(PUBLIC)
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..")
                .check(ENGINE);
    }

    /** Public and protected members of the class, and the class's own supertypes. */
    static ArchCondition<JavaClass> haveNoPublicSignatureInvolving(String... packages) {
        DescribedPredicate<JavaClass> forbidden = JavaClass.Predicates.resideInAnyPackage(packages);
        return new ArchCondition<>("have no public signature involving a type in " + String.join(", ", packages)) {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                List<JavaType> supertypes = new ArrayList<>(c.getInterfaces());
                c.getSuperclass().ifPresent(supertypes::add);
                for (JavaType t : supertypes) report(c, c.getName() + " extends or implements " + t.getName(), t, events);
                for (JavaMember m : c.getMembers()) {
                    if (!visible(m)) continue;
                    if (m instanceof JavaField f) report(c, f.getFullName(), f.getType(), events);
                    if (m instanceof JavaCodeUnit u) {
                        report(c, u.getFullName() + " returns", u.getReturnType(), events);
                        for (JavaType p : u.getParameterTypes()) report(c, u.getFullName() + " takes", p, events);
                        for (JavaClass t : u.getThrowsClause().getTypes()) report(c, u.getFullName() + " throws", t, events);
                    }
                }
            }

            private void report(JavaClass c, String where, JavaType type, ConditionEvents events) {
                for (JavaClass raw : type.getAllInvolvedRawTypes()) {
                    if (forbidden.test(raw)) events.add(SimpleConditionEvent.violated(c, where + " " + raw.getName()));
                }
            }
        };
    }

    private static boolean visible(JavaMember m) {
        Set<JavaModifier> mods = m.getModifiers();
        return (mods.contains(JavaModifier.PUBLIC) || mods.contains(JavaModifier.PROTECTED)) && !mods.contains(JavaModifier.SYNTHETIC);
    }

    /** On the class, its members and their parameters. */
    static ArchCondition<JavaClass> carryNoAnnotationFrom(String packagePrefix) {
        return new ArchCondition<>("carry no annotation from " + packagePrefix) {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                Set<String> found = new TreeSet<>();
                collect(c.getName(), c.getAnnotations(), found);
                for (JavaMember m : c.getMembers()) {
                    collect(m.getFullName(), m.getAnnotations(), found);
                    if (m instanceof JavaCodeUnit u) {
                        for (JavaParameter p : u.getParameters()) collect(p.getDescription(), p.getAnnotations(), found);
                    }
                }
                for (String f : found) events.add(SimpleConditionEvent.violated(c, f));
            }

            private void collect(String where, Set<? extends JavaAnnotation<?>> annotations, Set<String> found) {
                for (JavaAnnotation<?> a : annotations) {
                    if (a.getRawType().getName().startsWith(packagePrefix)) found.add(where + " is annotated @" + a.getRawType().getName());
                }
            }
        };
    }
}
