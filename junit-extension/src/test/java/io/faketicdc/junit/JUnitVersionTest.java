package io.faketicdc.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The main code compiles against the JUnit floor (pom); the tests must run on the JUnit the pom names. */
class JUnitVersionTest {

    @Test
    void theTestsRunOnTheJUnitThePomNamesNotOnTheCompileFloor() {
        String expected = System.getProperty("junit.test.version");
        assertThat(expected).as("set by surefire").isNotBlank();
        assertThat(ExtensionContext.class.getPackage().getImplementationVersion()).isEqualTo(expected);
    }
}
