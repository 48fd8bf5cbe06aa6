using CertGuard.Data.Database;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CertGuard.Data.Protection;

/// <summary>
/// Finds the external key: <c>Keys:MasterKey</c>, else the file <c>Keys:MasterKeyFile</c> (or the default beside the
/// data folder). A demo without one gets a fresh key file (0600) and a warning; production refuses to start.
/// </summary>
public static class ExternalKeyLoader
{
    public const string DefaultFileName = "master.key";

    public static ExternalKeys Load(ExternalKeyOptions options, DatabaseOptions database, bool mayGenerate, ILogger logger)
    {
        var previous = options.PreviousMasterKeys.Where(p => !string.IsNullOrWhiteSpace(p)).Select(ReadPrevious).ToList();
        if (options.MasterKey is { Length: > 0 } text) return new ExternalKeys(ExternalKey.Parse(text), previous);

        var file = Path.GetFullPath(options.MasterKeyFile is { Length: > 0 } configured ? configured : DefaultFile(database));
        if (File.Exists(file))
        {
            WarnIfShared(file, logger);
            return new ExternalKeys(ReadFile(file), previous);
        }
        if (!mayGenerate)
        {
            throw new InvalidOperationException(
                $"未找到外部密钥：生产环境必须提供 Keys:MasterKeyFile（密钥文件，base64 编码的 32 字节，权限 0600）或 Keys:MasterKey（环境变量 Keys__MasterKey）。" +
                $"已查找 {file}。生成方法：head -c 32 /dev/urandom | base64 > master.key && chmod 600 master.key（见 docs/keys.md）。");
        }
        var created = Generate(file);
        logger.LogWarning(
            "已生成演示用外部密钥 {File}（权限 0600）。它加密数据保护密钥环并为审计链签名；丢失它，数据库中的签名密钥和审计链都无法再使用。" +
            "生产环境必须自行提供密钥（Keys:MasterKeyFile 或 Keys__MasterKey），并与数据库分开保管。", file);
        return new ExternalKeys(created, previous);
    }

    /// <summary><c>keys/master.key</c> beside the folder of the SQLite file: the data folder and its key are separate folders.</summary>
    public static string DefaultFile(DatabaseOptions database)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var source = new SqliteConnectionStringBuilder(database.EffectiveConnectionString).DataSource;
            if (source is { Length: > 0 } && source != ":memory:")
            {
                var dataFolder = Path.GetDirectoryName(Path.GetFullPath(source))!;
                var parent = Path.GetDirectoryName(dataFolder) ?? dataFolder;
                return Path.Combine(parent, "keys", DefaultFileName);
            }
        }
        return Path.Combine(Directory.GetCurrentDirectory(), "keys", DefaultFileName);
    }

    /// <summary>Creates a new key file readable by its owner only, in a folder only its owner enters.</summary>
    public static ExternalKey Generate(string file)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        var text = ExternalKey.NewText();
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(file, text + "\n");
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            using var stream = new FileStream(file, new FileStreamOptions
            {
                Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
            using var writer = new StreamWriter(stream);
            writer.Write(text + "\n");
        }
        return ExternalKey.Parse(text);
    }

    private static ExternalKey ReadFile(string file)
    {
        try
        {
            return ExternalKey.Parse(File.ReadAllText(file));
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"外部密钥文件 {file} 无效：{e.Message}", e);
        }
    }

    private static ExternalKey ReadPrevious(string value) => File.Exists(value) ? ReadFile(value) : ExternalKey.Parse(value);

    private static void WarnIfShared(string file, ILogger logger)
    {
        if (OperatingSystem.IsWindows()) return;
        var others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;
        if ((File.GetUnixFileMode(file) & others) != 0)
            logger.LogWarning("外部密钥文件 {File} 可被其他用户读取，请执行 chmod 600。", file);
    }
}
