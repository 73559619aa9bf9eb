package io.jbgp.netty.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jbgp.netty.NettyBgpSpeaker;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A listen address already taken: {@code build()} fails with the bind error in its cause chain,
 * and the half-built speaker leaves nothing behind (Netty throws the bind error as an undeclared
 * checked exception, which once skipped the clean-up and left the event loop thread running).
 */
class BindFailureTest {
    @Test
    void aTakenListenAddressFailsTheBuildAndLeavesNoThreadOrSocket() throws Exception {
        InetAddress local = InetAddress.getByName("127.0.78.1");
        try (ServerSocket taken = new ServerSocket(0, 1, local)) {
            Set<String> threadsBefore = Resources.ourThreads();
            int socketsBefore = Resources.openSockets();
            RuntimeException e = assertThrows(RuntimeException.class, () -> NettyBgpSpeaker.builder()
                    .localAs(RibSpeaker.LOCAL_AS).routerId(RibSpeaker.ROUTER_ID)
                    .listen(new InetSocketAddress(local, taken.getLocalPort())).threads(1).build().close());
            Throwable t = e;
            while (t != null && !(t instanceof IOException)) {
                t = t.getCause();
            }
            assertTrue(t instanceof IOException, "no bind error in the cause chain: " + e);
            assertEquals("", Resources.awaitReleased(threadsBefore, -1, 0, 10_000), "threads left after a failed start");
            assertEquals("", Resources.awaitSocketsClosed(socketsBefore, 10_000), "sockets left after a failed start");
        }
    }
}
