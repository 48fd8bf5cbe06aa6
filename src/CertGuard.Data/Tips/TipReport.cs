using System.Text.Json;
using CertGuard.Core.Tips;

namespace CertGuard.Data.Tips;

/// <summary>What a tip says, sealed as one JSON document with the tip's data key.</summary>
public sealed record TipReport(string Site, string What, string? ReporterName, string? ReporterPhone)
{
    public const string Purpose = "report";

    public byte[] Seal(byte[] dataKey, Guid tipId) => TipVault.Seal(dataKey, tipId, Purpose, JsonSerializer.SerializeToUtf8Bytes(this));

    public static TipReport Open(byte[] dataKey, Tip tip) =>
        JsonSerializer.Deserialize<TipReport>(TipVault.Open(dataKey, tip.Id, Purpose, tip.SealedReport))!;

    /// <summary>The phone with its middle hidden, for officers who work the tip but must not learn who reported it.</summary>
    public static string? MaskPhone(string? phone) => phone is null ? null : Core.Privacy.PhoneNumbers.Mask(phone);

    public static string? MaskName(string? name) => name is { Length: > 0 } n ? n[..1] + new string('*', Math.Max(1, n.Length - 1)) : null;
}
