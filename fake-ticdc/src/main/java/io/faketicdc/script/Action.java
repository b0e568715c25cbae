package io.faketicdc.script;

/**
 * A scripted change, as plain data: the Java handles, the control API and scenario files all
 * produce these. See {@link ChangefeedAction}, {@link CaptureAction}, {@link ClusterAction} and
 * {@link DownstreamAction}.
 */
public sealed interface Action permits ChangefeedAction, CaptureAction, ClusterAction, DownstreamAction { }
