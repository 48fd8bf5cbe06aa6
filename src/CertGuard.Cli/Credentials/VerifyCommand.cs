using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CertGuard.Cli.Hosting;
using CertGuard.Core.Credentials;
using CertGuard.Data;
using CertGuard.Data.Credentials;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Cli.Credentials;

/// <summary>
/// <c>certguard verify --qr TEXT|@FILE [--trust FILE] [--root FILE] [--status FILE…] [--at INSTANT] [--offline]</c>:
/// prints the result as JSON; exit 0 when the QR verifies, 1 when it does not (at whatever stage), 2 when the
/// command cannot run. Without <c>--trust</c> the trust list and status lists come from the database.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(GlobalOptions global)
    {
        var qr = new Option<string>("--qr") { Description = "二维码文本，或 @文件：从文件读取（扫码枪、截图识别的结果）", Required = true };
        var trust = new Option<string?>("--trust") { Description = "信任列表 JSON，或 PEM/DER 格式的 X.509 证书、公钥" };
        var root = new Option<string?>("--root") { Description = "固定的省级根公钥（PEM/DER 或 root-key.json），用于校验信任列表与状态列表的签名" };
        var status = new Option<string[]>("--status") { Description = "离线使用的已签名状态列表文件（可多个）", AllowMultipleArgumentsPerToken = true };
        var at = new Option<string?>("--at") { Description = "按此时间核验（ISO-8601，如 2026-11-25T10:00:00+08:00），默认当前时间" };
        var offline = new Option<bool>("--offline") { Description = "不连接数据库，只用 --trust（和 --status）离线核验" };
        var command = new Command("verify", "核验证书二维码（CG1，或欧盟 DCC 的 HC1 测试向量）") { qr, trust, root, status, at, offline };
        command.SetAction(CommandFailure.Guard("核验二维码", async (parsed, stdout, ct) =>
        {
            var text = ReadQr(parsed.GetValue(qr)!);
            var instant = ParseInstant(parsed.GetValue(at));
            var profile = text.TrimStart().StartsWith(CredentialProfile.Hc1.Prefix, StringComparison.Ordinal) ? CredentialProfile.Hc1 : CredentialProfile.Cg1;
            var warnings = new List<string>();
            VerificationResult result;
            var statusChecked = false;
            if (parsed.GetValue(trust) is { } trustFile)
            {
                var pinned = parsed.GetValue(root) is { } rootFile ? TrustSources.LoadRoot(rootFile) : null;
                var lists = LoadStatusLists(parsed.GetValue(status) ?? [], pinned, warnings);
                statusChecked = lists.Count > 0;
                result = Cg1Codec.Verify(text, TrustSources.Load(trustFile, pinned, warnings), instant,
                    statusChecked ? (id, index) => lists.TryGetValue(id, out var l) ? (l[index] ? StatusOutcome.Revoked : StatusOutcome.Good) : StatusOutcome.Unavailable : null,
                    profile);
                if (!statusChecked && profile == CredentialProfile.Cg1) warnings.Add("未提供状态列表（--status）：未检查证书是否已被撤销。");
            }
            else if (parsed.GetValue(offline))
            {
                throw new CliException("离线核验需要 --trust 指定信任列表或公钥。");
            }
            else
            {
                await using var scope = CliHost.CreateScope(parsed, global);
                var db = scope.Get<CertGuardDbContext>();
                var trustList = await scope.Get<KeyRing>().TrustListAsync(ct);
                var lists = await db.StatusLists.AsNoTracking().ToDictionaryAsync(l => l.Id, l => StatusList.FromBytes(l.Bits), ct);
                statusChecked = true;
                result = Cg1Codec.Verify(text, trustList.Resolver(), instant,
                    (id, index) => lists.TryGetValue(id, out var l) ? (l[index] ? StatusOutcome.Revoked : StatusOutcome.Good) : StatusOutcome.Unavailable, profile);
                // With the registry at hand, a genuine card that is no longer the current one says so (as the server does),
                // rather than only "revoked" for the retired place of a re-issued or replaced card.
                if (result.Claims is { } claims && (result.Valid || result.Code == "CG1-REVOKED")
                    && await db.Certificates.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(c => c.Number == claims.Number && c.ItemCode == claims.Item, ct) is { } current
                    && !CredentialIssuer.IsCurrent(claims, current))
                    result = VerificationResult.Fail(VerificationStage.Registry, "CG1-REGISTRY-SUPERSEDED", "二维码与登记库中的现行证书不一致（已换发或信息已变更），请以登记库为准。", claims);
            }
            await stdout.WriteLineAsync(JsonSerializer.Serialize(new
            {
                valid = result.Valid,
                stage = result.Stage.ToString(),
                code = result.Code,
                message = result.Message,
                detail = result.Detail,
                statusChecked,
                warnings,
                claims = result.Claims,
            }, CliJson.Options));
            return result.Valid ? ExitCodes.Success : ExitCodes.QrNotValid;
        }));
        return command;
    }

    private static string ReadQr(string value)
    {
        if (!value.StartsWith('@')) return value;
        var path = value[1..];
        return File.Exists(path) ? File.ReadAllText(path).Trim() : throw new CliException($"找不到二维码文件：{path}");
    }

    private static DateTimeOffset ParseInstant(string? value) =>
        value is null ? DateTimeOffset.UtcNow
        : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant
        : throw new CliException($"--at 的时间格式不正确：“{value}”（应为 ISO-8601，如 2026-11-25T10:00:00+08:00）。");

    private static Dictionary<string, StatusList> LoadStatusLists(string[] files, VerificationKey? root, List<string> warnings)
    {
        var lists = new Dictionary<string, StatusList>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var json = File.Exists(file) ? File.ReadAllText(file) : throw new CliException($"找不到状态列表文件：{file}");
            StatusListDocument? document;
            if (root is not null)
            {
                document = SignedJson.TryVerify<StatusListDocument>(json, root) ?? throw new CliException($"状态列表 {file} 的签名与根公钥不符，已拒绝。");
            }
            else
            {
                warnings.Add($"未指定 --root：状态列表 {file} 的签名未校验。");
                var envelope = JsonSerializer.Deserialize<SignedJson.Envelope>(json, SignedJson.Options);
                document = envelope is null ? null : JsonSerializer.Deserialize<StatusListDocument>(Base64Url.TryDecode(envelope.Payload) ?? [], SignedJson.Options);
            }
            var list = document is null ? null : StatusList.TryDecode(document.Bits);
            if (document is null || list is null) throw new CliException($"状态列表 {file} 格式不正确。");
            lists[document.Id] = list;
        }
        return lists;
    }
}
