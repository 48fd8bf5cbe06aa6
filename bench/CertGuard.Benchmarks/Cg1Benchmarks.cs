using BenchmarkDotNet.Attributes;
using CertGuard.Core.Credentials;

namespace CertGuard.Benchmarks;

/// <summary>
/// The signed QR on one core: sign a certificate (claims → CBOR → COSE → zlib → Base45), verify one (all stages),
/// and, next to them, the bare signature verification of the same algorithm — the floor the pipeline sits on.
/// </summary>
[MemoryDiagnoser]
public class Cg1Benchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
    private SigningKey _key = null!;
    private VerificationKey _verification = null!;
    private Cg1Claims _claims = null!;
    private string _text = "";
    private byte[] _toBeSigned = [];
    private byte[] _signature = [];

    [Params(CoseAlgorithm.ES256, CoseAlgorithm.Sm2Sm3)]
    public CoseAlgorithm Algorithm { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _key = SigningKey.Generate(Algorithm);
        _verification = _key.ToVerificationKey();
        _claims = new Cg1Claims("440100", Now, Now.AddYears(3), "11010519491231002X", "张三", "M", "11010519491231002X", "1", "1.1",
            new(2023, 1, 10), new(2023, 1, 10), new(2029, 1, 9), new(2026, 1, 10), "440100", "440100-1", 4711);
        _text = Cg1Codec.Encode(_claims, _key);
        var message = CoseSign1.TryDecode(CoseSign1.Sign(_key, _claims.ToCbor()))!;
        _toBeSigned = message.ToBeSigned();
        _signature = message.Signature;
    }

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    [Benchmark]
    public string EncodeAndSign() => Cg1Codec.Encode(_claims, _key);

    [Benchmark]
    public bool DecodeAndVerify() => Cg1Codec.Verify(_text, _ => _verification, Now, (_, _) => StatusOutcome.Good).Valid;

    [Benchmark]
    public bool BareSignatureVerify() => _verification.Verify(_toBeSigned, _signature);
}
