package io.faketicdc.internal.config;

import io.faketicdc.Profile;
import java.util.Objects;
import java.util.Set;

/**
 * Everything that differs between profiles beyond their data files: code asks a trait, never
 * which profile it runs. Differences that follow from a field being in the profile's
 * api-types.json (content_compatible, advance_timeout, changefeed_error_stuck_duration) are
 * checked on the field instead and have no trait. docs/PROFILES.md explains how to add a profile.
 *
 * @param dataDir                        the folder under {@code io/faketicdc/profiles/} holding
 *                                       api-types.json and default-replica-config.json
 * @param embeddedStructInFieldPath      type errors name the embedded struct a promoted field
 *                                       comes from ({@code ChangefeedConfig.PDConfig.pd_addrs}),
 *                                       as encoding/json does from Go 1.24
 * @param syncedRoute                    {@code GET /api/v2/changefeeds/:id/synced} exists
 * @param clientAuthentication           {@code client-user-required} protects the changing routes (not in v7.3)
 * @param resignForwardedToOwner         {@code POST /api/v2/owner/resign} is forwarded to the owner
 * @param logLevelAcceptsWarning         {@code POST /api/v2/log} takes {@code warning} besides the zap levels
 * @param tsNotAheadOfCurrentTso         an explicit start_ts (create) or the checkpoint a resume
 *                                       starts from must not be ahead of the current TSO
 * @param resumeChecksGcWithoutOverwrite resume checks the checkpoint against the GC safepoint
 *                                       even without overwrite_checkpoint_ts (else only an overwrite)
 * @param maskedSinkUriInParseError      a sink URI that does not parse is quoted (password masked)
 *                                       in the error; else the text keeps a literal {@code '%s'}
 * @param resolveLockNeedsRegionAndTs    resolve_lock rejects a zero region_id or ts
 * @param errorsShownByState             GET shows the error only when failed, warning or pending,
 *                                       and the list shows error or warning except when normal,
 *                                       stopped, finished, removed or uninitialized; else both
 *                                       show the recorded error in every state but normal
 * @param blackholeKeepsSinkFields       RmUnusedFields leaves a blackhole changefeed's config whole
 * @param checksSchedulerThresholds      with enable_table_across_nodes, negative region/write-key
 *                                       thresholds are rejected
 * @param sinkProtocols                  the protocols an MQ or storage sink accepts (lower case)
 * @param csvDelimiterAtMostThreeChars   a csv delimiter longer than three characters is rejected
 * @param csvQuoteInDelimiterError       the error text when the csv quote occurs in the delimiter
 * @param integrityExcludesColumnSelectors the correctness integrity check rejects column selectors
 * @param codedFilterRuleErrors          a bad filter rule is CDC:ErrFilterRuleInvalid naming the
 *                                       filter; else the bare table-filter message
 * @param ignoreEventTypes               the {@code ignore_event} values the event filter accepts
 * @param resumePdFailureIs500           resume with an unreachable {@code pd_addrs} is a 500
 *                                       {@code CDC:ErrAPIGetPDClientFailed}; else a 400
 *                                       {@code CDC:ErrAPIInvalidParam} around the same text
 * @param gcSafepointDeleteStopsAtError  {@code DELETE /api/v2/unsafe/service_gc_safepoint} answers
 *                                       its error; else (a missing return) 200 {@code {}} with the
 *                                       error's JSON written after it
 * @param sameClusterCheckOnResumeAndUpdate resume and update run check.UpstreamDownstreamNotSame,
 *                                       which opens a connection to a MySQL/TiDB downstream (a
 *                                       downstream that is down fails them with its connection error)
 */
public record ProfileTraits(
        String dataDir,
        boolean embeddedStructInFieldPath,
        boolean syncedRoute,
        boolean clientAuthentication,
        boolean resignForwardedToOwner,
        boolean logLevelAcceptsWarning,
        boolean tsNotAheadOfCurrentTso,
        boolean resumeChecksGcWithoutOverwrite,
        boolean maskedSinkUriInParseError,
        boolean resolveLockNeedsRegionAndTs,
        boolean errorsShownByState,
        boolean blackholeKeepsSinkFields,
        boolean checksSchedulerThresholds,
        Set<String> sinkProtocols,
        boolean csvDelimiterAtMostThreeChars,
        String csvQuoteInDelimiterError,
        boolean integrityExcludesColumnSelectors,
        boolean codedFilterRuleErrors,
        Set<String> ignoreEventTypes,
        boolean resumePdFailureIs500,
        boolean gcSafepointDeleteStopsAtError,
        boolean sameClusterCheckOnResumeAndUpdate) {

    /** pingcap/tiflow master. */
    static final ProfileTraits MASTER = new Builder("master")
            .embeddedStructInFieldPath(true)
            .syncedRoute(true)
            .clientAuthentication(true)
            .resignForwardedToOwner(true)
            .logLevelAcceptsWarning(true)
            .tsNotAheadOfCurrentTso(true)
            .resumeChecksGcWithoutOverwrite(true)
            .maskedSinkUriInParseError(true)
            .resolveLockNeedsRegionAndTs(true)
            .errorsShownByState(true)
            .blackholeKeepsSinkFields(true)
            .checksSchedulerThresholds(true)
            .sinkProtocols(Set.of("default", "canal", "avro", "flat-avro", "maxwell", "canal-json", "craft",
                    "open-protocol", "csv", "debezium", "simple"))
            .csvDelimiterAtMostThreeChars(true)
            .csvQuoteInDelimiterError("csv config quote and delimiter has common characters which is not allowed")
            .integrityExcludesColumnSelectors(true)
            .codedFilterRuleErrors(true)
            .ignoreEventTypes(EventTypes.MASTER)
            .resumePdFailureIs500(true)
            .gcSafepointDeleteStopsAtError(true)
            .sameClusterCheckOnResumeAndUpdate(true)
            .build();

    /** pingcap/tiflow v7.3.0. */
    static final ProfileTraits V7_3 = new Builder("v7.3")
            .embeddedStructInFieldPath(false)
            .syncedRoute(false)
            .clientAuthentication(false)
            .resignForwardedToOwner(false)
            .logLevelAcceptsWarning(false)
            .tsNotAheadOfCurrentTso(false)
            .resumeChecksGcWithoutOverwrite(false)
            .maskedSinkUriInParseError(false)
            .resolveLockNeedsRegionAndTs(false)
            .errorsShownByState(false)
            .blackholeKeepsSinkFields(false)
            .checksSchedulerThresholds(false)
            .sinkProtocols(Set.of("default", "canal", "avro", "flat-avro", "maxwell", "canal-json", "craft",
                    "open-protocol", "csv"))
            .csvDelimiterAtMostThreeChars(false)
            .csvQuoteInDelimiterError("csv config quote and delimiter cannot be the same")
            .integrityExcludesColumnSelectors(false)
            .codedFilterRuleErrors(false)
            .ignoreEventTypes(EventTypes.V7_3)
            .resumePdFailureIs500(false)
            .gcSafepointDeleteStopsAtError(false)
            .sameClusterCheckOnResumeAndUpdate(false)
            .build();

    /** The traits of a profile (a new Profile constant fails to compile here until it has some). */
    public static ProfileTraits of(Profile profile) {
        return switch (profile) {
            case MASTER -> MASTER;
            case V7_3 -> V7_3;
        };
    }

    public ProfileTraits {
        Objects.requireNonNull(dataDir, "dataDir");
        sinkProtocols = Set.copyOf(sinkProtocols);
        Objects.requireNonNull(csvQuoteInDelimiterError, "csvQuoteInDelimiterError");
        ignoreEventTypes = Set.copyOf(ignoreEventTypes);
    }

    /** Names every trait at the definition of a profile; {@link #build} fails on any left out. */
    static final class Builder {
        private final String dataDir;
        private Boolean embeddedStructInFieldPath;
        private Boolean syncedRoute;
        private Boolean clientAuthentication;
        private Boolean resignForwardedToOwner;
        private Boolean logLevelAcceptsWarning;
        private Boolean tsNotAheadOfCurrentTso;
        private Boolean resumeChecksGcWithoutOverwrite;
        private Boolean maskedSinkUriInParseError;
        private Boolean resolveLockNeedsRegionAndTs;
        private Boolean errorsShownByState;
        private Boolean blackholeKeepsSinkFields;
        private Boolean checksSchedulerThresholds;
        private Set<String> sinkProtocols;
        private Boolean csvDelimiterAtMostThreeChars;
        private String csvQuoteInDelimiterError;
        private Boolean integrityExcludesColumnSelectors;
        private Boolean codedFilterRuleErrors;
        private Set<String> ignoreEventTypes;
        private Boolean resumePdFailureIs500;
        private Boolean gcSafepointDeleteStopsAtError;
        private Boolean sameClusterCheckOnResumeAndUpdate;

        Builder(String dataDir) { this.dataDir = dataDir; }

        Builder embeddedStructInFieldPath(boolean v) { embeddedStructInFieldPath = v; return this; }
        Builder syncedRoute(boolean v) { syncedRoute = v; return this; }
        Builder clientAuthentication(boolean v) { clientAuthentication = v; return this; }
        Builder resignForwardedToOwner(boolean v) { resignForwardedToOwner = v; return this; }
        Builder logLevelAcceptsWarning(boolean v) { logLevelAcceptsWarning = v; return this; }
        Builder tsNotAheadOfCurrentTso(boolean v) { tsNotAheadOfCurrentTso = v; return this; }
        Builder resumeChecksGcWithoutOverwrite(boolean v) { resumeChecksGcWithoutOverwrite = v; return this; }
        Builder maskedSinkUriInParseError(boolean v) { maskedSinkUriInParseError = v; return this; }
        Builder resolveLockNeedsRegionAndTs(boolean v) { resolveLockNeedsRegionAndTs = v; return this; }
        Builder errorsShownByState(boolean v) { errorsShownByState = v; return this; }
        Builder blackholeKeepsSinkFields(boolean v) { blackholeKeepsSinkFields = v; return this; }
        Builder checksSchedulerThresholds(boolean v) { checksSchedulerThresholds = v; return this; }
        Builder sinkProtocols(Set<String> v) { sinkProtocols = v; return this; }
        Builder csvDelimiterAtMostThreeChars(boolean v) { csvDelimiterAtMostThreeChars = v; return this; }
        Builder csvQuoteInDelimiterError(String v) { csvQuoteInDelimiterError = v; return this; }
        Builder integrityExcludesColumnSelectors(boolean v) { integrityExcludesColumnSelectors = v; return this; }
        Builder codedFilterRuleErrors(boolean v) { codedFilterRuleErrors = v; return this; }
        Builder ignoreEventTypes(Set<String> v) { ignoreEventTypes = v; return this; }
        Builder resumePdFailureIs500(boolean v) { resumePdFailureIs500 = v; return this; }
        Builder gcSafepointDeleteStopsAtError(boolean v) { gcSafepointDeleteStopsAtError = v; return this; }
        Builder sameClusterCheckOnResumeAndUpdate(boolean v) { sameClusterCheckOnResumeAndUpdate = v; return this; }

        ProfileTraits build() {
            return new ProfileTraits(dataDir,
                    set(embeddedStructInFieldPath, "embeddedStructInFieldPath"),
                    set(syncedRoute, "syncedRoute"),
                    set(clientAuthentication, "clientAuthentication"),
                    set(resignForwardedToOwner, "resignForwardedToOwner"),
                    set(logLevelAcceptsWarning, "logLevelAcceptsWarning"),
                    set(tsNotAheadOfCurrentTso, "tsNotAheadOfCurrentTso"),
                    set(resumeChecksGcWithoutOverwrite, "resumeChecksGcWithoutOverwrite"),
                    set(maskedSinkUriInParseError, "maskedSinkUriInParseError"),
                    set(resolveLockNeedsRegionAndTs, "resolveLockNeedsRegionAndTs"),
                    set(errorsShownByState, "errorsShownByState"),
                    set(blackholeKeepsSinkFields, "blackholeKeepsSinkFields"),
                    set(checksSchedulerThresholds, "checksSchedulerThresholds"),
                    set(sinkProtocols, "sinkProtocols"),
                    set(csvDelimiterAtMostThreeChars, "csvDelimiterAtMostThreeChars"),
                    set(csvQuoteInDelimiterError, "csvQuoteInDelimiterError"),
                    set(integrityExcludesColumnSelectors, "integrityExcludesColumnSelectors"),
                    set(codedFilterRuleErrors, "codedFilterRuleErrors"),
                    set(ignoreEventTypes, "ignoreEventTypes"),
                    set(resumePdFailureIs500, "resumePdFailureIs500"),
                    set(gcSafepointDeleteStopsAtError, "gcSafepointDeleteStopsAtError"),
                    set(sameClusterCheckOnResumeAndUpdate, "sameClusterCheckOnResumeAndUpdate"));
        }

        private <T> T set(T value, String trait) {
            if (value == null) throw new IllegalStateException("profile " + dataDir + " does not set " + trait);
            return value;
        }
    }
}
