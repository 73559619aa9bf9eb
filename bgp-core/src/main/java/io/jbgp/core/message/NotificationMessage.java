package io.jbgp.core.message;

import io.jbgp.core.error.BgpError;
import io.jbgp.core.error.ErrorCode;
import io.jbgp.core.types.Bytes;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * NOTIFICATION (RFC 4271 §4.5).
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Error code    | Error subcode |   Data (variable)             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * Codes and subcodes we do not know are kept as numbers.
 *
 * @param code    error code 0..255
 * @param subcode error subcode 0..255
 * @param data    the data field
 */
public record NotificationMessage(int code, int subcode, Bytes data) implements BgpMessage {
    /** RFC 9003 §2: the shutdown communication is at most 255 octets of UTF-8. */
    public static final int MAX_SHUTDOWN_COMMUNICATION = 255;

    /**
     * Checks code and subcode are octets.
     *
     * @param code error code 0..255
     * @param subcode error subcode 0..255
     * @param data the data field
     */
    public NotificationMessage {
        if (code < 0 || code > 255 || subcode < 0 || subcode > 255) {
            throw new IllegalArgumentException("code/subcode out of range: " + code + "/" + subcode);
        }
        java.util.Objects.requireNonNull(data, "data");
    }

    /**
     * A NOTIFICATION from raw data.
     *
     * @param code error code, 0..255
     * @param subcode error subcode, 0..255
     * @param data the data field; copied
     */
    public NotificationMessage(int code, int subcode, byte[] data) {
        this(code, subcode, Bytes.of(data));
    }

    /**
     * CEASE with a shutdown communication (RFC 8203, RFC 9003): a length octet and UTF-8 text,
     * truncated at a character boundary to 255 octets.
     *
     * @param subcode a Cease subcode, normally Administrative Shutdown or Administrative Reset
     * @param communication the operator's text; empty or null for none
     * @return the NOTIFICATION
     * @throws IllegalArgumentException if {@code subcode} is not a Cease subcode
     */
    public static NotificationMessage cease(BgpError subcode, String communication) {
        if (subcode.code() != ErrorCode.CEASE) {
            throw new IllegalArgumentException("not a Cease subcode: " + subcode);
        }
        if (communication == null || communication.isEmpty()) {
            return subcode.toNotification();
        }
        byte[] text = truncateUtf8(communication, MAX_SHUTDOWN_COMMUNICATION);
        byte[] data = new byte[text.length + 1];
        data[0] = (byte) text.length;
        System.arraycopy(text, 0, data, 1, text.length);
        return subcode.toNotification(data);
    }

    private static byte[] truncateUtf8(String s, int max) {
        byte[] all = s.getBytes(StandardCharsets.UTF_8);
        if (all.length <= max) {
            return all;
        }
        int end = max;
        while (end > 0 && (all[end] & 0xC0) == 0x80) {
            end--; // do not cut inside a multi-byte character
        }
        return Arrays.copyOf(all, end);
    }

    /** {@return the known error for this (code, subcode), if any} */
    public Optional<BgpError> error() {
        return Optional.ofNullable(BgpError.of(code, subcode));
    }

    /**
     * The shutdown communication of a CEASE Administrative Shutdown or Reset (RFC 9003), when the
     * data holds a well-formed one.
     *
     * @return the text, or empty when absent or malformed
     */
    public Optional<String> shutdownCommunication() {
        if (code != ErrorCode.CEASE.code() || (subcode != 2 && subcode != 4) || data.length() == 0) {
            return Optional.empty();
        }
        int len = data.get(0) & 0xFF;
        if (len == 0 || len + 1 > data.length()) {
            return Optional.empty();
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data.unsafeArray(), 1, len)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    @Override
    public MessageType type() {
        return MessageType.NOTIFICATION;
    }

    @Override
    public String toString() {
        String name = error().map(BgpError::toString).orElse("code " + code + " subcode " + subcode);
        String comm = shutdownCommunication().map(s -> ", \"" + s + "\"").orElse(
                data.length() > 0 ? ", data " + data : "");
        return "NOTIFICATION " + name + comm;
    }
}
