package dev.amlsh.sandbox.contract;

import java.util.List;

/**
 * The fault-rule syntax both sides share: the setting names of {@code sandbox faults add} (and of a
 * {@code --fault "503,path=GLOB,times=2"} spec), sent as a JSON object of strings to
 * {@code POST /amlsh-sandbox/faults}. A flag ({@code drop}, {@code lro-fail}, ...) is present with
 * any value, "" included. The sandbox checks the rule and answers 400 {@code InvalidFaultRule}
 * with a one-line reason.
 *
 * <pre>{@code
 * body.addProperty(FaultSettings.STATUS, "503");
 * body.addProperty(FaultSettings.TIMES, "2");
 * }</pre>
 */
public final class FaultSettings {
    public static final String STATUS = "status";
    public static final String RETRY_AFTER = "retry-after";
    public static final String DELAY = "delay";
    public static final String DROP = "drop";
    public static final String LRO_FAIL = "lro-fail";
    public static final String LRO_CANCEL = "lro-cancel";
    public static final String TOKEN_FAIL = "token-fail";
    public static final String METHOD = "method";
    public static final String PATH = "path";
    public static final String OPERATION = "op";
    public static final String RATE = "rate";
    public static final String EVERY = "every";
    public static final String TIMES = "times";

    /** Every setting, in the order a canonical spec lists them. */
    public static final List<String> KEYS = List.of(STATUS, RETRY_AFTER, DELAY, DROP, LRO_FAIL, LRO_CANCEL, TOKEN_FAIL,
            METHOD, PATH, OPERATION, RATE, EVERY, TIMES);

    private FaultSettings() {
    }
}
