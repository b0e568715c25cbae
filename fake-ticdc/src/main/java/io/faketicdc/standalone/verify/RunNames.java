package io.faketicdc.standalone.verify;

import java.security.SecureRandom;

/**
 * The changefeed names of one run: {@code fake-ticdc-verify-<6 random letters>-<n>}, so a run on
 * a shared cluster never collides with, or removes, anything it did not create.
 */
public final class RunNames {
    public static final String PREFIX = "fake-ticdc-verify-";

    private final String runPrefix;
    private int n;

    public RunNames(String runId) {
        this.runPrefix = PREFIX + runId + "-";
    }

    /** A new run ID: six lowercase letters and digits. */
    public static String randomRunId() {
        SecureRandom r = new SecureRandom();
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 6; i++) b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        return b.toString();
    }

    /** Every name of this run starts with this. */
    public String runPrefix() {
        return runPrefix;
    }

    synchronized String next() {
        return runPrefix + (++n);
    }
}
