package io.jbgp.core.message;

/** KEEPALIVE (RFC 4271 §4.4): the header alone. */
public record KeepaliveMessage() implements BgpMessage {
    /** The only value: a KEEPALIVE is the bare 19-octet header. */
    public static final KeepaliveMessage INSTANCE = new KeepaliveMessage();

    @Override
    public MessageType type() {
        return MessageType.KEEPALIVE;
    }
}
