package io.faketicdc.boundary;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.annotation.Annotation;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public API of some packages as text, one line per type and per public or protected
 * constructor, method and field, with generic signatures: a type's line first
 * ({@code public final class io.faketicdc.FakeTiCdc implements java.lang.AutoCloseable}), then its
 * members ({@code io.faketicdc.FakeTiCdc: public void close()}), types in name order. Only the
 * annotations of annotation types and {@code @Deprecated} are listed. junit-extension's listing
 * test uses it too, through fake-ticdc's test jar.
 */
public final class ApiListing {
    private ApiListing() { }

    /** The command that rewrites both modules' listings. */
    public static final String UPDATE_COMMAND = "mvn test -pl fake-ticdc,junit-extension -Dtest=PublicApiTest -Dapi.update=true";

    /**
     * Fails unless {@code actual} equals the checked-in listing {@code file}, with the difference
     * and the command that rewrites it; run with {@code -Dapi.update=true}, rewrites it instead.
     */
    public static void assertMatches(java.nio.file.Path file, String actual) throws java.io.IOException {
        if (Boolean.getBoolean("api.update")) {
            java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
            java.nio.file.Files.writeString(file, actual, java.nio.charset.StandardCharsets.UTF_8);
            return;
        }
        String expected = java.nio.file.Files.exists(file)
                ? java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8) : "";
        if (!expected.equals(actual)) {
            throw new AssertionError("The public API differs from the checked-in listing " + file + ". If the change is"
                    + " meant, rewrite the listing with\n    " + UPDATE_COMMAND + "\nand commit it with the change.\n"
                    + ListingDiff.of(expected, actual));
        }
    }

    /**
     * Every accessible type of these packages (not their subpackages) with all its visible members,
     * and the partial types with only the members their filter lets through.
     */
    public static String of(Set<String> packages, Map<Class<?>, Predicate<Member>> partialTypes) {
        Map<Class<?>, Predicate<Member>> types = new TreeMap<>(Comparator.comparing(Class::getName));
        new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests()).importPackages(packages).stream()
                .filter(c -> packages.contains(c.getPackageName()))
                .map(c -> load(c.getName()))
                .filter(ApiListing::accessible)
                .forEach(c -> types.put(c, m -> true));
        types.putAll(partialTypes);
        List<String> lines = new ArrayList<>();
        types.forEach((c, wanted) -> {
            lines.add(type(c));
            List<Member> members = new ArrayList<>();
            members.addAll(List.of(c.getDeclaredConstructors()));
            members.addAll(List.of(c.getDeclaredMethods()));
            members.addAll(List.of(c.getDeclaredFields()));
            members.stream()
                    .filter(m -> visible(m) && !(m instanceof Method x && x.isBridge()) && wanted.test(m))
                    .map(m -> m instanceof Executable e ? executable(c, e) : field(c, (Field) m))
                    .sorted(Comparator.comparing(ApiListing::memberKey).thenComparing(Comparator.naturalOrder()))
                    .forEach(lines::add);
        });
        return String.join("\n", lines) + "\n";
    }

    /** Members in name order (constructors, named {@code new}, among them), then by parameters. */
    private static String memberKey(String line) {
        String signature = line.substring(line.indexOf(": ") + 2);
        int paren = signature.indexOf('(');
        String head = paren < 0 ? signature : signature.substring(0, paren);
        String name = head.substring(head.lastIndexOf(' ') + 1);
        return paren < 0 ? name : name + signature.substring(paren);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ApiListing.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Public or protected, and so is every enclosing type. */
    private static boolean accessible(Class<?> c) {
        for (Class<?> t = c; t != null; t = t.getDeclaringClass()) {
            if (t.isAnonymousClass() || t.isLocalClass() || t.isSynthetic()) return false;
            if ((t.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED)) == 0) return false;
        }
        return true;
    }

    private static boolean visible(Member m) {
        return !m.isSynthetic() && (m.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED)) != 0;
    }

    private static String type(Class<?> c) {
        List<String> parts = new ArrayList<>();
        parts.add(annotations(c, c.isAnnotation()));
        parts.add(Modifier.toString(c.getModifiers() & Modifier.classModifiers()));
        if (c.isSealed()) parts.add("sealed");
        parts.add(c.isAnnotation() ? "@interface" : c.isInterface() ? "interface" : c.isEnum() ? "enum"
                : c.isRecord() ? "record" : "class");
        parts.add(c.getName() + typeParameters(c.getTypeParameters()));
        Type sup = c.getGenericSuperclass();
        if (sup != null && sup != Object.class && !c.isEnum() && !c.isRecord()) parts.add("extends " + sup.getTypeName());
        List<String> interfaces = Arrays.stream(c.getGenericInterfaces()).map(Type::getTypeName)
                .filter(n -> !(c.isAnnotation() && n.equals("java.lang.annotation.Annotation"))).toList();
        if (!interfaces.isEmpty()) parts.add((c.isInterface() ? "extends " : "implements ") + String.join(", ", interfaces));
        if (c.isSealed()) {
            parts.add("permits " + Arrays.stream(c.getPermittedSubclasses()).map(Class::getName).sorted().collect(Collectors.joining(", ")));
        }
        return words(parts);
    }

    private static String executable(Class<?> owner, Executable e) {
        List<String> parts = new ArrayList<>();
        parts.add(annotations(e, false));
        parts.add(Modifier.toString(e.getModifiers() & (e instanceof Method ? Modifier.methodModifiers() : Modifier.constructorModifiers())));
        if (e instanceof Method m && m.isDefault()) parts.add("default");
        parts.add(typeParameters(e.getTypeParameters()));
        List<String> params = new ArrayList<>(Arrays.stream(e.getGenericParameterTypes()).map(Type::getTypeName).toList());
        if (e.isVarArgs()) {
            String last = params.remove(params.size() - 1);
            params.add(last.substring(0, last.length() - 2) + "...");
        }
        String call = "(" + String.join(", ", params) + ")";
        parts.add(e instanceof Method m ? m.getGenericReturnType().getTypeName() + " " + m.getName() + call : "new" + call);
        Type[] throwsTypes = e.getGenericExceptionTypes();
        if (throwsTypes.length > 0) {
            parts.add("throws " + Arrays.stream(throwsTypes).map(Type::getTypeName).collect(Collectors.joining(", ")));
        }
        if (e instanceof Method m && m.getDefaultValue() != null) parts.add("default " + value(m.getDefaultValue()));
        return owner.getName() + ": " + words(parts);
    }

    private static String field(Class<?> owner, Field f) {
        return owner.getName() + ": " + words(List.of(annotations(f, false), Modifier.toString(f.getModifiers() & Modifier.fieldModifiers()),
                f.isEnumConstant() ? "enum constant" : "", f.getGenericType().getTypeName() + " " + f.getName()));
    }

    private static String words(List<String> parts) {
        return parts.stream().map(String::strip).filter(w -> !w.isEmpty()).collect(Collectors.joining(" "));
    }

    private static String typeParameters(TypeVariable<?>[] vars) {
        if (vars.length == 0) return "";
        return Arrays.stream(vars).map(v -> {
            List<String> bounds = Arrays.stream(v.getBounds()).map(Type::getTypeName).filter(n -> !n.equals("java.lang.Object")).toList();
            return bounds.isEmpty() ? v.getName() : v.getName() + " extends " + String.join(" & ", bounds);
        }).collect(Collectors.joining(", ", "<", ">"));
    }

    /** {@code @Deprecated} anywhere; every annotation (with its values) on annotation types. */
    private static String annotations(java.lang.reflect.AnnotatedElement e, boolean all) {
        StringBuilder b = new StringBuilder();
        Stream.of(e.getDeclaredAnnotations())
                .filter(a -> all || a.annotationType() == Deprecated.class)
                .sorted(Comparator.comparing(a -> a.annotationType().getName()))
                .forEach(a -> b.append(annotation(a)).append(' '));
        return b.toString();
    }

    private static String annotation(Annotation a) {
        List<String> values = new ArrayList<>();
        Method[] elements = a.annotationType().getDeclaredMethods();
        Arrays.sort(elements, Comparator.comparing(Method::getName));
        for (Method m : elements) {
            try {
                Object v = m.invoke(a);
                if (!v.equals(m.getDefaultValue()) && !(v.getClass().isArray() && Array.getLength(v) == 0 && m.getDefaultValue() != null
                        && Array.getLength(m.getDefaultValue()) == 0)) {
                    values.add(m.getName() + "=" + value(v));
                }
            } catch (ReflectiveOperationException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return "@" + a.annotationType().getName() + (values.isEmpty() ? "" : "(" + String.join(", ", values) + ")");
    }

    private static String value(Object v) {
        if (v.getClass().isArray()) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(v); i++) items.add(value(Array.get(v, i)));
            return "{" + String.join(", ", items) + "}";
        }
        if (v instanceof Class<?> c) return c.getName() + ".class";
        if (v instanceof Enum<?> en) return en.name();
        if (v instanceof String s) return '"' + s + '"';
        if (v instanceof Annotation a) return annotation(a);
        return String.valueOf(v);
    }
}
