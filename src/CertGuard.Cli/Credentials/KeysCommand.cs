using System.CommandLine;
using CertGuard.Cli.Hosting;
using CertGuard.Core.Credentials;
using CertGuard.Core.Regions;
using CertGuard.Data;
using CertGuard.Data.Credentials;
using CertGuard.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Cli.Credentials;

/// <summary>
/// Signing keys: create (rotating the authority's current key to verify-only), list, retire. Private keys are
/// generated here and stored encrypted with the Data Protection API; they are never printed.
/// </summary>
internal static class KeysCommand
{
    public static Command Create(GlobalOptions global)
    {
        var alg = new Option<string>("--alg") { Description = "SM2 或 ES256", Required = true };
        alg.AcceptOnlyFromAmong("SM2", "ES256", "sm2", "es256");
        var authority = new Option<string>("--authority") { Description = "发证机关代码（地级以上市行政区划代码，如 440100）；根密钥用 --root", };
        var root = new Option<bool>("--root") { Description = "创建省级根密钥（签名信任列表与状态列表，必须 ES256）" };
        var create = new Command("create", "生成新的签名密钥；该机关原有的有效密钥转为仅验证") { alg, authority, root };
        create.SetAction(WithServices(global, "创建密钥", async (parsed, stdout, services, ct) =>
        {
            var keys = services.Get<KeyRing>();
            var algorithm = string.Equals(parsed.GetValue(alg), "SM2", StringComparison.OrdinalIgnoreCase) ? CoseAlgorithm.Sm2Sm3 : CoseAlgorithm.ES256;
            var isRoot = parsed.GetValue(root);
            var code = isRoot ? RegionDirectory.Guangdong.Province.Code : parsed.GetValue(authority) ?? throw new CliException("请用 --authority 指定发证机关代码，或用 --root 创建根密钥。");
            if (isRoot && algorithm != CoseAlgorithm.ES256) throw new CliException("根密钥必须使用 ES256：所有核验端（包括浏览器）都要能校验它的签名。");
            if (!isRoot && !RegionDirectory.Guangdong.IsCity(code)) throw new CliException($"“{code}”不是广东省地级以上市的发证机关代码（如 440100 广州市）。");
            var record = await keys.CreateAsync(algorithm, code, isRoot ? CredentialKeyRecord.RootPurpose : CredentialKeyRecord.CertificatePurpose, ct);
            await stdout.WriteLineAsync($"已创建密钥 kid={record.Kid} alg={record.Algorithm} authority={record.Authority}（{RegionDirectory.Guangdong.NameOf(record.Authority)}）");
            return ExitCodes.Success;
        }));

        var list = new Command("list", "列出所有签名密钥及其状态");
        list.SetAction(WithServices(global, "列出密钥", async (parsed, stdout, services, ct) =>
        {
            var db = services.Get<CertGuardDbContext>();
            foreach (var k in await db.CredentialKeys.AsNoTracking().OrderBy(k => k.Purpose).ThenBy(k => k.Authority).ThenBy(k => k.CreatedAt).ToListAsync(ct))
                await stdout.WriteLineAsync($"{k.Kid}  {k.Algorithm,-7}  {k.Purpose,-11}  {k.Authority}  {k.Status,-11}  {k.CreatedAt:yyyy-MM-dd}");
            return ExitCodes.Success;
        }));

        var kid = new Argument<string>("kid") { Description = "要停用的密钥 kid（十六进制）" };
        var retire = new Command("retire", "停用密钥：它签发的二维码将不再被信任") { kid };
        retire.SetAction(WithServices(global, "停用密钥", async (parsed, stdout, services, ct) =>
        {
            var id = parsed.GetValue(kid)!.Trim().ToLowerInvariant();
            if (!await services.Get<KeyRing>().RetireAsync(id, ct)) throw new CliException($"没有 kid 为 {id} 的密钥：可用 certguard keys list 查看。");
            await stdout.WriteLineAsync($"密钥 {id} 已停用：它签发的二维码将核验失败。");
            return ExitCodes.Success;
        }));

        return new Command("keys", "签名密钥管理") { create, list, retire };
    }

    private static Func<ParseResult, CancellationToken, Task<int>> WithServices(
        GlobalOptions global, string task, Func<ParseResult, TextWriter, CliScope, CancellationToken, Task<int>> body) =>
        CommandFailure.Guard(task, async (parsed, stdout, ct) =>
        {
            await using var scope = CliHost.CreateScope(parsed, global);
            await scope.Get<CertGuardDbContext>().MigrateAsync(ct);
            return await body(parsed, stdout, scope, ct);
        });
}
