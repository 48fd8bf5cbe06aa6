using System.CommandLine;
using System.Globalization;
using CertGuard.Cli.Hosting;
using CertGuard.Data;
using CertGuard.Data.Credentials;
using CertGuard.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace CertGuard.Cli.Credentials;

/// <summary>
/// <c>certguard qr-sample --count N -o file</c>: the signed QR texts (CG1) of N registry certificates, one a line, signed
/// with the authorities' current keys as the registry's QR endpoint signs them: the requests of the QR check's load run
/// (bench/load/public-verify.sh). The texts carry full ID numbers: keep the file with the database it came from.
/// </summary>
internal static class QrSampleCommand
{
    public static Command Create(GlobalOptions global)
    {
        var count = new Option<int>("--count") { Description = "二维码数量（默认 2000）。", DefaultValueFactory = _ => 2000 };
        var output = new Option<FileInfo>("--output", "-o") { Description = "输出文件（每行一个 CG1 文本）。", Required = true };
        var command = new Command("qr-sample", "为登记库中的若干证书生成签名二维码文本（每行一个），用于二维码核验的压力测试；内含完整身份证号，请妥善保管。") { count, output };
        command.SetAction(CommandFailure.Guard("生成二维码样本", async (parsed, stdout, ct) =>
        {
            await using var scope = CliHost.CreateScope(parsed, global);
            var db = scope.Get<CertGuardDbContext>();
            await db.MigrateAsync(ct);
            // Every city's signing key, as the platform makes them at its first start (`seed` alone may leave some out).
            await scope.Get<KeyRing>().EnsureKeysAsync(ct);
            var issuer = scope.Get<CredentialIssuer>();
            var certificates = await db.Certificates.IgnoreQueryFilters().AsNoTracking()
                .Where(c => c.StatusListId != null && c.StatusIndex != null).OrderBy(c => c.Id).Take(Math.Max(1, parsed.GetValue(count))).ToListAsync(ct);
            var file = parsed.GetValue(output)!;
            var written = 0;
            await using (var writer = new StreamWriter(file.FullName))
            {
                foreach (var certificate in certificates.Where(CredentialIssuer.Signs))
                {
                    await writer.WriteLineAsync(await issuer.QrTextAsync(certificate, ct));
                    written++;
                }
            }
            await stdout.WriteLineAsync($"已生成 {written.ToString("N0", CultureInfo.InvariantCulture)} 个二维码文本：{file.FullName}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
