package io.faketicdc.junit.internal;

import io.faketicdc.junit.TiCdcFake;
import java.lang.reflect.Modifier;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Finds the {@link TiCdcFake} that applies to a test: its method's, else its class's. */
public final class Annotations {
    private Annotations() { }

    /**
     * The annotation on the test method, else on its class (meta-annotations and superclasses
     * included), else on the classes enclosing a {@code @Nested} class, innermost first.
     */
    public static Optional<TiCdcFake> find(ExtensionContext context) {
        Optional<TiCdcFake> onMethod = context.getTestMethod()
                .flatMap(m -> AnnotationSupport.findAnnotation(m, TiCdcFake.class));
        if (onMethod.isPresent()) return onMethod;
        Class<?> c = context.getTestClass().orElse(null);
        while (c != null) {
            Optional<TiCdcFake> onClass = AnnotationSupport.findAnnotation(c, TiCdcFake.class);
            if (onClass.isPresent()) return onClass;
            c = isInner(c) ? c.getEnclosingClass() : null;
        }
        return Optional.empty();
    }

    private static boolean isInner(Class<?> c) {
        return c.getEnclosingClass() != null && !Modifier.isStatic(c.getModifiers());
    }
}
