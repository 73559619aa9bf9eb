package io.jbgp.examples.config;

/**
 * A configuration error at a known place: {@code FILE:LINE: message}, the shape OpenBGPD's
 * {@code yyerror} prints, so editors and {@code grep -n} habits work on it.
 *
 * <p>The parser stops at the first error: later errors are usually consequences of the first.
 */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String detail;

    /** An error in {@code file} at 1-based {@code line}; {@code detail} has no location prefix. */
    public ConfigException(String file, int line, String detail) {
        super(file + ":" + line + ": " + detail);
        this.file = file;
        this.line = line;
        this.detail = detail;
    }

    /** The file name as given to the parser (not resolved). */
    public String file() {
        return file;
    }

    /** 1-based line of the offending token. */
    public int line() {
        return line;
    }

    /** The message without the {@code FILE:LINE: } prefix. */
    public String detail() {
        return detail;
    }
}
