package io.jbgp.benchmarks;

import io.jbgp.core.codec.CodecContext;
import io.jbgp.core.codec.DecodeResult;
import io.jbgp.core.codec.MessageReader;
import io.jbgp.core.message.UpdateMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoding the recorded full table: one operation is {@link MessageReader#read} of all its
 * UPDATEs (header checks, attributes, NLRI, RFC 7606 classification), from heap buffers that hold
 * one whole message each, as the frame decoder hands them over. The {@link Throughput} counters
 * turn the operation rate into NLRI and octets per second; {@code -prof gc}'s
 * {@code gc.alloc.rate.norm} divided by the table's NLRI count is the allocation per prefix.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class UpdateDecodeBenchmark {

    /** UPDATEs of the table to use; 0 means all (the smoke test uses a few). */
    @Param("0")
    public int messages;

    private ByteBuf[] frames;
    private CodecContext context;
    private long octets;

    @Setup(Level.Trial)
    public void load() {
        FullTable table = FullTable.load(messages);
        List<byte[]> m = table.messages();
        frames = new ByteBuf[m.size()];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = Unpooled.wrappedBuffer(m.get(i));
        }
        context = table.context();
        octets = table.octetCount();
    }

    @TearDown(Level.Trial)
    public void release() {
        for (ByteBuf f : frames) {
            f.release();
        }
    }

    /** Decodes every UPDATE of the table once; returns the number of undecodable ones (0). */
    @Benchmark
    public int decodeTable(Throughput counters, CpuTime cpu, Blackhole bh) {
        long start = CpuTime.threadNanos();
        int failures = 0;
        long nlri = 0;
        for (ByteBuf f : frames) {
            f.readerIndex(0);
            DecodeResult r = MessageReader.read(f, context);
            if (r instanceof DecodeResult.Ok ok && ok.message() instanceof UpdateMessage u) {
                nlri += FullTable.nlriCount(u);
            } else {
                failures++;
            }
            bh.consume(r);
        }
        counters.nlri += nlri;
        counters.octets += octets;
        cpu.since(start);
        return failures;
    }

    /** Secondary results: NLRI and octets per second next to the table decodes per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Throughput {
        /** Announced plus withdrawn NLRI processed. */
        public long nlri;
        /** Message octets processed, headers included. */
        public long octets;

        @Setup(Level.Iteration)
        public void reset() {
            nlri = 0;
            octets = 0;
        }
    }
}
