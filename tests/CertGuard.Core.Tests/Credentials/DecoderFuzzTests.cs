using System.IO.Compression;
using CertGuard.Core.Credentials;

namespace CertGuard.Core.Tests.Credentials;

/// <summary>
/// Random and mutated inputs at every layer of the pipeline: the decoder must answer each with a result — never an
/// exception, never a hang, never an allocation out of proportion to the input. (The benchmark run feeds 100,000+.)
/// </summary>
public sealed class DecoderFuzzTests
{
    // CI runs 20,000 (about half a second); the benchmark run sets CERTGUARD_FUZZ_CASES=100000 (docs/benchmarks.md).
    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("CERTGUARD_FUZZ_CASES"), out var n) && n > 0 ? n : 20_000;
    private const long MaxBytesPerCase = 512 * 1024;
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Mutated_and_random_inputs_always_give_a_result()
    {
        using var key = SigningKey.Generate(CoseAlgorithm.ES256);
        var verification = key.ToVerificationKey();
        var genuine = Cg1Codec.Encode(new Cg1Claims("440100", Now.AddDays(-1), Now.AddYears(2), "11010519491231002X", "张三", "M",
            "11010519491231002X", "1", "1.1", new(2023, 1, 10), new(2023, 1, 10), new(2029, 1, 9), new(2026, 1, 10), "440100", "l", 1), key);
        var random = new Random(20181231);
        var codes = new Dictionary<string, int>();

        for (var i = 0; i < Cases; i++)
        {
            var input = DecoderFuzz.Mutate(genuine, random);
            var before = GC.GetAllocatedBytesForCurrentThread();
            var result = Cg1Codec.Verify(input, kid => kid.AsSpan().SequenceEqual(verification.Kid) ? verification : null, Now, (_, _) => StatusOutcome.Good);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.False(string.IsNullOrEmpty(result.Code));
            Assert.False(string.IsNullOrEmpty(result.Message));
            Assert.True(allocated < MaxBytesPerCase + (input.Length * 64), $"case {i} allocated {allocated} bytes for {input.Length} characters");
            Assert.True(result.Valid == (result.Code == "CG1-VALID"));
            codes[result.Code] = codes.GetValueOrDefault(result.Code) + 1;
        }

        // The mutations reach deep: past Base45 and zlib into COSE, signature and claims.
        Assert.Contains("CG1-BASE45", codes.Keys);
        Assert.Contains("CG1-ZLIB", codes.Keys);
        Assert.Contains("CG1-COSE", codes.Keys);
        Assert.Contains("CG1-SIG-INVALID", codes.Keys);
    }
}

/// <summary>Mutations shared with the benchmark's longer run.</summary>
public static class DecoderFuzz
{
    public static string Mutate(string genuine, Random random)
    {
        switch (random.Next(7))
        {
            case 0: // a character swapped in the text
                var chars = genuine.ToCharArray();
                chars[random.Next(4, chars.Length)] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:abc~"[random.Next(49)];
                return new string(chars);
            case 1: // truncated
                return genuine[..random.Next(0, genuine.Length)];
            case 2: // random text after the prefix
                return "CG1:" + new string(Enumerable.Range(0, random.Next(0, 600)).Select(_ => (char)random.Next(32, 127)).ToArray());
            case 3: // random bytes, valid Base45, not zlib
                return "CG1:" + Base45.Encode(Bytes(random, random.Next(0, 400)));
            case 4: // random bytes, valid zlib, not COSE
                return Wrap(Bytes(random, random.Next(0, 400)));
            case 5: // a byte flipped inside the COSE structure
                var cose = Inflate(genuine);
                cose[random.Next(cose.Length)] ^= (byte)(1 << random.Next(8));
                return Wrap(cose);
            default: // a byte flipped inside the compressed stream
                var compressed = Base45.TryDecode(genuine.AsSpan(4))!;
                compressed[random.Next(compressed.Length)] ^= (byte)(1 << random.Next(8));
                return "CG1:" + Base45.Encode(compressed);
        }
    }

    private static byte[] Bytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Inflate(string text)
    {
        using var zlib = new ZLibStream(new MemoryStream(Base45.TryDecode(text.AsSpan(4))!), CompressionMode.Decompress);
        using var output = new MemoryStream();
        zlib.CopyTo(output);
        return output.ToArray();
    }

    private static string Wrap(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true)) zlib.Write(data);
        return "CG1:" + Base45.Encode(output.ToArray());
    }
}
