package io.jbgp.benchmarks;

import io.jbgp.core.codec.CodecContext;
import io.jbgp.core.codec.MessageWriter;
import io.jbgp.core.message.UpdateMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Encoding the recorded full table: one operation is {@link MessageWriter#write} of all its
 * UPDATEs (decoded once in the setup) into one reused heap buffer, cleared before each message
 * as a transport would recycle its write buffer. Counters as in {@link UpdateDecodeBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class UpdateEncodeBenchmark {

    /** UPDATEs of the table to use; 0 means all (the smoke test uses a few). */
    @Param("0")
    public int messages;

    private UpdateMessage[] updates;
    private CodecContext context;
    private long nlri;
    private ByteBuf out;

    @Setup(Level.Trial)
    public void load() {
        FullTable table = FullTable.load(messages);
        List<UpdateMessage> decoded = table.decodeAll();
        updates = decoded.toArray(new UpdateMessage[0]);
        context = table.context();
        nlri = table.nlriCount();
        out = Unpooled.buffer(context.maxMessageLength());
    }

    @TearDown(Level.Trial)
    public void release() {
        out.release();
    }

    /** Encodes every UPDATE of the table once; returns the octets written. */
    @Benchmark
    public long encodeTable(UpdateDecodeBenchmark.Throughput counters, CpuTime cpu) {
        long start = CpuTime.threadNanos();
        long octets = 0;
        for (UpdateMessage u : updates) {
            out.clear();
            MessageWriter.write(u, context, out);
            octets += out.readableBytes();
        }
        counters.nlri += nlri;
        counters.octets += octets;
        cpu.since(start);
        return octets;
    }
}
