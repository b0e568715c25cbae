package io.faketicdc.standalone;

import io.faketicdc.FakeTiCdc;
import io.faketicdc.scenario.Scenario;
import java.io.PrintStream;

/** The startup banner: what serves where. */
final class Banner {
    private Banner() { }

    static void print(PrintStream out, FakeTiCdc fake, String profile, Scenario scenario) {
        out.println("fake-ticdc " + Main.Version.fake() + " (TiCDC " + fake.config().effectiveVersion() + ", profile "
                + profile + ") serving " + fake.baseUrl());
        for (int slot = 1; slot < fake.config().captures(); slot++) {
            out.println("  capture " + slot + " serving " + fake.baseUrl(slot));
        }
        if (fake.config().controlApi()) {
            out.println("  control API " + fake.baseUrl() + "/fake/v1 (OpenAPI: " + fake.baseUrl() + "/fake/v1/openapi.json"
                    + (fake.config().controlToken() != null ? ", token required" : "") + ")");
        }
        if (scenario != null) out.println("  scenario " + (scenario.name() == null ? "(unnamed)" : scenario.name()) + " loaded");
        out.flush();
    }
}
