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
 * @param errorVisibility                which states show the recorded error in GET and in the list
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
 * @param keyspaces                      changefeeds live in keyspaces (query parameter, body field
 *                                       and response key {@code keyspace}); the classic kernel
 *                                       ignores the parameter: every request is in {@code default}
 * @param maintainerChangefeedInfo       ChangeFeedInfo carries {@code gid} and {@code maintainer_addr},
 *                                       its {@code resolved_ts} is the checkpoint and it never has
 *                                       {@code task_status}
 * @param trimsConfigOnRead              the config read back is completed and trimmed by sink
 *                                       scheme (RmUnusedFields); else it is served as stored
 * @param routeSet                       which kernel's routes the server has
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
        ErrorVisibility errorVisibility,
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
        boolean sameClusterCheckOnResumeAndUpdate,
        boolean keyspaces,
        boolean maintainerChangefeedInfo,
        boolean trimsConfigOnRead,
        RouteSet routeSet) {

    /** Which states show a changefeed's recorded error, in GET detail and in the list. */
    public enum ErrorVisibility {
        /** v7.3: both show the recorded error in every state but normal. */
        ALL_BUT_NORMAL,
        /**
         * tiflow master: GET only when failed, warning or pending; the list error or warning
         * except when normal, stopped, finished, removed or uninitialized.
         */
        BY_STATE,
        /**
         * pingcap/ticdc api/v2/changefeed.go: GET hides it when normal, stopped, finished or
         * removed; the list shows error or warning in every state.
         */
        LIST_ALWAYS
    }

    /** The kernel whose routes the server has (internal.routes picks the route groups by it). */
    public enum RouteSet {
        /** pingcap/tiflow cdc/api/v2/api.go and cdc/api/v1/api.go. */
        TIFLOW,
        /** pingcap/ticdc api/v2/api.go and api/v1/api.go: the new architecture. */
        TICDC
    }

    /** pingcap/tiflow master. */
    static final ProfileTraits MASTER = tiflowMaster("master")
            .errorVisibility(ErrorVisibility.BY_STATE)
            .keyspaces(false)
            .maintainerChangefeedInfo(false)
            .trimsConfigOnRead(true)
            .routeSet(RouteSet.TIFLOW)
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
            .errorVisibility(ErrorVisibility.ALL_BUT_NORMAL)
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
            .keyspaces(false)
            .maintainerChangefeedInfo(false)
            .trimsConfigOnRead(true)
            .routeSet(RouteSet.TIFLOW)
            .build();

    /**
     * pingcap/ticdc master (b813e76f9d): the new architecture's classic build. Its config checks
     * are the ones tiflow master shares with it (api/v2/changefeed.go calls the same
     * ValidateAndAdjust family in pkg/config); what differs is listed in docs/PROFILES.md.
     */
    static final ProfileTraits NEWARCH = tiflowMaster("newarch")
            .errorVisibility(ErrorVisibility.LIST_ALWAYS)
            .keyspaces(true)
            .maintainerChangefeedInfo(true)
            .trimsConfigOnRead(false)
            .routeSet(RouteSet.TICDC)
            .build();

    /**
     * The traits tiflow master and the new architecture share: pingcap/ticdc runs the config
     * checks of the tiflow master it embeds (pingcap/ticdc go.mod), so only the API layer differs.
     */
    private static Builder tiflowMaster(String dataDir) {
        return new Builder(dataDir)
                .embeddedStructInFieldPath(true)
                .syncedRoute(true)
                .clientAuthentication(true)
                .resignForwardedToOwner(true)
                .logLevelAcceptsWarning(true)
                .tsNotAheadOfCurrentTso(true)
                .resumeChecksGcWithoutOverwrite(true)
                .maskedSinkUriInParseError(true)
                .resolveLockNeedsRegionAndTs(true)
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
                .sameClusterCheckOnResumeAndUpdate(true);
    }

    /** The traits of a profile (a new Profile constant fails to compile here until it has some). */
    public static ProfileTraits of(Profile profile) {
        return switch (profile) {
            case MASTER -> MASTER;
            case V7_3 -> V7_3;
            case NEWARCH -> NEWARCH;
        };
    }

    public ProfileTraits {
        Objects.requireNonNull(dataDir, "dataDir");
        sinkProtocols = Set.copyOf(sinkProtocols);
        Objects.requireNonNull(csvQuoteInDelimiterError, "csvQuoteInDelimiterError");
        ignoreEventTypes = Set.copyOf(ignoreEventTypes);
        Objects.requireNonNull(errorVisibility, "errorVisibility");
        Objects.requireNonNull(routeSet, "routeSet");
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
        private ErrorVisibility errorVisibility;
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
        private Boolean keyspaces;
        private Boolean maintainerChangefeedInfo;
        private Boolean trimsConfigOnRead;
        private RouteSet routeSet;

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
        Builder errorVisibility(ErrorVisibility v) { errorVisibility = v; return this; }
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
        Builder keyspaces(boolean v) { keyspaces = v; return this; }
        Builder maintainerChangefeedInfo(boolean v) { maintainerChangefeedInfo = v; return this; }
        Builder trimsConfigOnRead(boolean v) { trimsConfigOnRead = v; return this; }
        Builder routeSet(RouteSet v) { routeSet = v; return this; }

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
                    set(errorVisibility, "errorVisibility"),
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
                    set(sameClusterCheckOnResumeAndUpdate, "sameClusterCheckOnResumeAndUpdate"),
                    set(keyspaces, "keyspaces"),
                    set(maintainerChangefeedInfo, "maintainerChangefeedInfo"),
                    set(trimsConfigOnRead, "trimsConfigOnRead"),
                    set(routeSet, "routeSet"));
        }

        private <T> T set(T value, String trait) {
            if (value == null) throw new IllegalStateException("profile " + dataDir + " does not set " + trait);
            return value;
        }
    }
}
