package io.faketicdc.internal.config;

import io.faketicdc.Profile;
import io.faketicdc.internal.json.GoBinder;
import io.faketicdc.internal.json.GoJsonReader;
import io.faketicdc.internal.json.GoJsonSyntaxException;
import io.faketicdc.internal.json.GoStruct;
import io.faketicdc.internal.json.GoType.Struct;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The request types, the default replica config and the traits of one profile, read on first
 * use from the profile's folder under {@code io/faketicdc/profiles/}. Immutable and shared by
 * every fake of that profile (the default is copied before anyone changes it).
 */
public final class ApiSchema {
    private static final String PROFILES = "/io/faketicdc/profiles/";
    private static final ApiSchema[] LOADED = new ApiSchema[Profile.values().length];

    private final Profile profile;
    private final ProfileTraits traits;
    private final Struct changefeedConfig;
    private final Struct replicaConfig;
    private final Struct resumeConfig;
    private final Struct upstreamConfig;
    private final Struct verifyTableConfig;
    private final Struct resolveLockReq;
    private final GoStruct defaultReplicaConfig;

    private ApiSchema(Profile profile, ProfileTraits traits) {
        this.profile = profile;
        this.traits = traits;
        String types = path(traits, "/api-types.json");
        Map<String, Struct> structs = ApiTypesFile.load(types, resource(types), traits.embeddedStructInFieldPath());
        this.changefeedConfig = struct(structs, "v2.ChangefeedConfig", types);
        this.replicaConfig = struct(structs, "v2.ReplicaConfig", types);
        this.resumeConfig = struct(structs, "v2.ResumeChangefeedConfig", types);
        this.upstreamConfig = struct(structs, "v2.UpstreamConfig", types);
        this.verifyTableConfig = struct(structs, "v2.VerifyTableConfig", types);
        this.resolveLockReq = struct(structs, "v2.ResolveLockReq", types);
        String defaults = defaultReplicaConfigPath(profile);
        try {
            this.defaultReplicaConfig = (GoStruct) GoBinder.decode(
                    GoJsonReader.read(resource(defaults)), replicaConfig, replicaConfig.zero());
        } catch (GoJsonSyntaxException e) {
            throw new IllegalStateException(defaults + " does not bind: " + e.getMessage(), e);
        }
    }

    /** The schema of a profile, read on its first use. */
    public static ApiSchema of(Profile profile) {
        synchronized (LOADED) {
            ApiSchema s = LOADED[profile.ordinal()];
            if (s == null) {
                s = new ApiSchema(profile, ProfileTraits.of(profile));
                LOADED[profile.ordinal()] = s;
            }
            return s;
        }
    }

    /** The class-path resource holding a profile's default API replica config (compact JSON). */
    public static String defaultReplicaConfigPath(Profile profile) {
        return path(ProfileTraits.of(profile), "/default-replica-config.json");
    }

    private static String path(ProfileTraits traits, String file) {
        return PROFILES.concat(traits.dataDir()).concat(file); // no indy concat on the first-answer path
    }

    private static byte[] resource(String path) {
        try (InputStream in = ApiSchema.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException(path + " missing from the class path");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    private static Struct struct(Map<String, Struct> structs, String name, String file) {
        Struct s = structs.get(name);
        if (s == null) throw new IllegalStateException(file + " has no " + name);
        return s;
    }

    public Profile profile() { return profile; }
    public ProfileTraits traits() { return traits; }
    public Struct changefeedConfig() { return changefeedConfig; }
    public Struct replicaConfig() { return replicaConfig; }
    public Struct resumeConfig() { return resumeConfig; }
    public Struct upstreamConfig() { return upstreamConfig; }
    public Struct verifyTableConfig() { return verifyTableConfig; }
    public Struct resolveLockReq() { return resolveLockReq; }

    /** A fresh, modifiable copy of the profile's default API replica config. */
    public GoStruct defaultReplicaConfig() {
        return defaultReplicaConfig.copy();
    }
}
