package io.faketicdc.boundary;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * No package cycles among the engine's top-level packages ({@code io.faketicdc},
 * {@code io.faketicdc.faults}...) and its internal ones ({@code io.faketicdc.internal.cluster}...):
 * each is one slice, subpackages included. A failure lists every cycle with the class
 * dependencies along each edge.
 *
 * <p>{@code io.faketicdc} plays two roles, so it is two slices: the facade ({@link #FACADE}: the
 * entry point and the handles that drive the engine, which depend on the internals) and the value
 * types (config, profile, snapshots, the journal's records), which the internals use. Internals may
 * use the values, never the facade.
 */
class PackageCyclesTest {
    /** The classes of {@code io.faketicdc} that drive the engine. */
    static final java.util.Set<String> FACADE = java.util.Set.of("FakeTiCdc", "FakeCluster", "ChangefeedHandle", "FakeClock",
            "DownstreamHandle", "FakeTls");

    /** {@code io.faketicdc} (facade or values), {@code io.faketicdc.X} or {@code io.faketicdc.internal.X}. */
    static final SliceAssignment ENGINE_PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String p = c.getPackageName();
            if (p.equals("io.faketicdc")) {
                String top = c.getName().substring(p.length() + 1).split("\\$")[0];
                return SliceIdentifier.of(FACADE.contains(top) ? "io.faketicdc (facade)" : "io.faketicdc (values)");
            }
            String internal = "io.faketicdc.internal.";
            String prefix = p.startsWith(internal) ? internal : p.startsWith("io.faketicdc.") ? "io.faketicdc." : null;
            if (prefix == null) return SliceIdentifier.ignore();
            String rest = p.substring(prefix.length());
            int dot = rest.indexOf('.');
            return SliceIdentifier.of(prefix + (dot < 0 ? rest : rest.substring(0, dot)));
        }

        @Override
        public String getDescription() {
            return "io.faketicdc.(*) and io.faketicdc.internal.(*)";
        }
    };

    @Test
    void theEnginesPackagesFormNoCycle() {
        slices().assignedFrom(ENGINE_PACKAGES).should().beFreeOfCycles().check(ArchitectureTest.ENGINE);
    }
}
