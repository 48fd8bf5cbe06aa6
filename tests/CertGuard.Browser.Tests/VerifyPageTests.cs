using CertGuard.Browser.Tests.Infrastructure;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CertGuard.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertGuard.Browser.Tests;

/// <summary>
/// The public verify page (/verify) in a real Chromium: paste, upload, tampering, and the offline check that runs
/// entirely in the browser (service worker, WebCrypto) with the network cut. Every page must stay free of console
/// errors, which is where a CSP violation would show.
/// </summary>
public sealed class VerifyPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    // One changed character breaks the signature, or an earlier layer when it lands in a length or checksum.
    private static readonly string[] TamperCodes = ["CG1-SIG-INVALID", "CG1-COSE", "CG1-ZLIB", "CG1-BASE45"];

    [Fact]
    public async Task Pasting_a_genuine_qr_shows_a_genuine_certificate_with_the_holder_masked()
    {
        var (id, text) = await VerifyQrCodes.GenuineAsync(app);
        string number, name;
        await using (var db = app.SystemDb())
        {
            var certificate = await db.Certificates.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == id);
            (number, name) = (certificate.Number, certificate.HolderName);
        }

        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = PageProblems.Watch(page);
        await page.GotoAsync("/verify");
        await Expect(page.Locator("h1")).ToHaveTextAsync("核验特种作业操作证真伪");
        await Expect(page.Locator("nav.mainnav a[href='/verify']")).ToHaveTextAsync("核验证书");

        await page.GetByTestId("verify-text").FillAsync(text);
        await page.GetByTestId("verify-submit").ClickAsync();

        var result = page.GetByTestId("verify-result");
        await Expect(result).ToHaveAttributeAsync("data-code", "CG1-VALID");
        await Expect(result).ToHaveAttributeAsync("data-source", "server");
        await Expect(page.GetByTestId("verify-verdict")).ToHaveTextAsync("真证");
        await Expect(page.GetByTestId("verify-message")).ToHaveTextAsync("签名有效，证书真实。");
        await Expect(page.GetByTestId("verify-name")).ToHaveTextAsync(name);
        await Expect(page.GetByTestId("verify-number")).ToHaveTextAsync($"{number[..4]}{new string('*', number.Length - 8)}{number[^4..]}");
        await Expect(page.GetByTestId("verify-source")).ToContainTextAsync("服务器在线核验");

        // The full ID number is nowhere: not in the markup, not in the rendered text.
        Assert.DoesNotContain(number, await page.ContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(number, await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);

        await page.WaitForFunctionAsync(OfflineReady); // let the service worker settle before the picture
        await SaveScreenshotAsync(page, "verify-valid");
        watch.AssertNone();
    }

    [Fact]
    public async Task One_altered_character_fails_with_the_stage_and_code_in_chinese()
    {
        var (_, text) = await VerifyQrCodes.GenuineAsync(app);
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = PageProblems.Watch(page);
        await page.GotoAsync("/verify");

        await page.GetByTestId("verify-text").FillAsync(VerifyQrCodes.AlterMiddle(text));
        await page.GetByTestId("verify-submit").ClickAsync();

        var result = page.GetByTestId("verify-result");
        await Expect(result).ToHaveAttributeAsync("data-valid", "false");
        var code = await result.GetAttributeAsync("data-code");
        Assert.Contains(code, TamperCodes);
        await Expect(page.GetByTestId("verify-verdict")).ToHaveTextAsync("核验未通过");
        await Expect(page.GetByTestId("verify-code")).ToHaveTextAsync(code!);
        await Expect(page.GetByTestId("verify-message")).ToContainTextAsync(new Regex("签名无效|无效|损坏"));
        await Expect(result).ToContainTextAsync("请勿凭此证书安排上岗作业");
        await SaveScreenshotAsync(page, "verify-tampered");

        // Not a CG1 text at all: the prefix stage, in Chinese.
        await page.GetByTestId("verify-text").FillAsync("HTTPS://EXAMPLE.COM/FAKE");
        await page.GetByTestId("verify-submit").ClickAsync();
        await Expect(result).ToHaveAttributeAsync("data-code", "CG1-PREFIX");
        await Expect(page.GetByTestId("verify-message")).ToContainTextAsync("不是本平台签发的证书二维码");
        watch.AssertNone();
    }

    [Fact]
    public async Task In_english_the_page_and_its_verdicts_are_english()
    {
        var (_, text) = await VerifyQrCodes.GenuineAsync(app);
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = PageProblems.Watch(page);
        await page.GotoAsync("/verify?culture=en");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Check whether a special operations certificate is genuine");

        await page.GetByTestId("verify-text").FillAsync(text);
        await page.GetByTestId("verify-submit").ClickAsync();
        await Expect(page.GetByTestId("verify-result")).ToHaveAttributeAsync("data-code", "CG1-VALID");
        await Expect(page.GetByTestId("verify-verdict")).ToHaveTextAsync("Genuine");
        await Expect(page.GetByTestId("verify-source")).ToHaveTextAsync("Verified online by the server (checked against the registry)");

        await page.GetByTestId("verify-text").FillAsync("");
        await page.GetByTestId("verify-submit").ClickAsync();
        await Expect(page.GetByTestId("verify-result")).ToHaveAttributeAsync("data-code", "CG1-EMPTY");
        await Expect(page.GetByTestId("verify-message")).ToHaveTextAsync("No QR code content was read.");
        await Expect(page.GetByTestId("verify-verdict")).ToHaveTextAsync("Verification failed");
        watch.AssertNone();
    }

    [Fact]
    public async Task Uploading_a_picture_of_the_qr_decodes_it_in_the_browser_and_verifies_it()
    {
        var (id, _) = await VerifyQrCodes.GenuineAsync(app);
        var png = await VerifyQrCodes.PngAsync(app, id); // signed anew: its text differs from any other copy's
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = PageProblems.Watch(page);
        await page.GotoAsync("/verify");

        await page.GetByTestId("verify-file").SetInputFilesAsync(new FilePayload { Name = "qr.png", MimeType = "image/png", Buffer = png });

        await Expect(page.GetByTestId("verify-result")).ToHaveAttributeAsync("data-code", "CG1-VALID");
        await Expect(page.GetByTestId("verify-text")).ToHaveValueAsync(new Regex(@"^CG1:[0-9A-Z $%*+\-./:]{300,}$"));
        await Expect(page.GetByTestId("verify-verdict")).ToHaveTextAsync("真证");

        // A picture without a QR code says so.
        await page.GetByTestId("verify-file").SetInputFilesAsync(new FilePayload { Name = "blank.png", MimeType = "image/png", Buffer = BlankPng });
        await Expect(page.GetByTestId("verify-input-note")).ToContainTextAsync("没有识别到二维码");
        watch.AssertNone();
    }

    [Fact]
    public async Task Scanning_with_the_camera_reads_the_qr_and_verifies_it()
    {
        var (_, text) = await VerifyQrCodes.GenuineAsync(app);
        var folder = Directory.CreateTempSubdirectory("certguard-camera-").FullName;
        try
        {
            var video = VerifyFakeCamera.WriteVideo(text, folder);
            await using var browser = await app.LaunchAsync(
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", $"--use-file-for-fake-video-capture={video}");
            await using var context = await app.NewContextAsync(browser);
            var page = await context.NewPageAsync();
            var watch = PageProblems.Watch(page);
            await page.GotoAsync("/verify");

            // The camera is opened on the user's click, never before.
            Assert.True(await page.EvaluateAsync<bool>(CameraClosed));
            await page.GetByTestId("verify-camera").ClickAsync();

            await Expect(page.GetByTestId("verify-result")).ToHaveAttributeAsync("data-code", "CG1-VALID", new() { Timeout = 15_000 });
            await Expect(page.GetByTestId("verify-text")).ToHaveValueAsync(text);
            await Expect(page.GetByTestId("verify-camera")).ToHaveTextAsync("用摄像头扫描");
            Assert.True(await page.EvaluateAsync<bool>(CameraClosed)); // released once the code is read
            watch.AssertNone();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Offline_the_page_still_loads_and_verifies_es256_and_sm2_qr_codes_in_the_browser()
    {
        var (_, genuine) = await VerifyQrCodes.GenuineAsync(app);
        var revoked = await VerifyQrCodes.RevokedAsync(app);
        var sm2 = await VerifyQrCodes.Sm2Async(app);

        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = PageProblems.Watch(page);
        await page.GotoAsync("/verify");
        await page.WaitForFunctionAsync(OfflineReady);

        await context.SetOfflineAsync(true);
        await page.ReloadAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("核验特种作业操作证真伪");
        await Expect(page.GetByTestId("verify-offline")).ToContainTextAsync("当前未联网");

        var result = page.GetByTestId("verify-result");
        await VerifyAsync(page, genuine);
        await Expect(result).ToHaveAttributeAsync("data-code", "CG1-VALID");
        await Expect(result).ToHaveAttributeAsync("data-source", "offline");
        await Expect(page.GetByTestId("verify-verdict")).ToHaveTextAsync("真证");
        await Expect(page.GetByTestId("verify-source")).ToContainTextAsync("本机离线核验");
        await Expect(page.GetByTestId("verify-number")).ToHaveTextAsync(new Regex(@"^\d{4}\*{10}[\dX]{4}$"));

        // Its status list was never asked for by this page: the service worker fetched every "{authority}-1" list.
        await VerifyAsync(page, revoked);
        await Expect(result).ToHaveAttributeAsync("data-code", "CG1-REVOKED");
        await Expect(result).ToHaveAttributeAsync("data-source", "offline");
        await Expect(page.GetByTestId("verify-message")).ToHaveTextAsync("证书已被撤销、注销或暂停使用。");
        await SaveScreenshotAsync(page, "verify-offline-revoked");

        // A city signing with SM2: verified in the browser too (SM3, signer ID 1234567812345678), with the vendored library.
        await VerifyAsync(page, sm2);
        await Expect(result).ToHaveAttributeAsync("data-code", "CG1-VALID");
        await Expect(result).ToHaveAttributeAsync("data-source", "offline");
        await Expect(page.GetByTestId("verify-verdict")).ToHaveTextAsync("真证");
        await SaveScreenshotAsync(page, "verify-offline-sm2");
        // One changed character of its signature: refused offline as a forgery, not passed to a server that is not there.
        await VerifyAsync(page, VerifyQrCodes.Alter(sm2, sm2.Length - 20));
        await Expect(result).ToHaveAttributeAsync("data-source", "offline");
        await Expect(result).ToHaveAttributeAsync("data-code", new Regex("^CG1-(SIG-INVALID|ZLIB|COSE|BASE45)$"));

        // Back online, the same SM2 code goes to the server, which checks SM2.
        await context.SetOfflineAsync(false);
        await VerifyAsync(page, sm2);
        await Expect(result).ToHaveAttributeAsync("data-source", "server");
        await Expect(result).ToHaveAttributeAsync("data-code", "CG1-VALID");
        watch.AssertNone();
    }

    [Fact]
    public async Task The_browser_check_gives_the_same_code_as_the_server_at_every_stage()
    {
        var (_, genuine) = await VerifyQrCodes.GenuineAsync(app);
        var revoked = await VerifyQrCodes.RevokedAsync(app);
        var sm2 = await VerifyQrCodes.Sm2Async(app);
        var texts = new List<string> { genuine, revoked, sm2, "", "   ", "HC1:ABC", "cg1:ABC", "CG1:", "CG1:A", "CG1:AB", "CG1:abc", "CG1:GGW", new('A', 4297) };
        foreach (var source in new[] { genuine, sm2 })
        {
            // Every few characters, and the last ones (the zlib checksum); cut short by one to three characters.
            var variants = new List<string>();
            for (var i = 4; i < source.Length; i += 9) variants.Add(VerifyQrCodes.Alter(source, i));
            for (var i = source.Length - 3; i < source.Length; i++) variants.Add(VerifyQrCodes.Alter(source, i));
            for (var cut = 1; cut <= 3; cut++) variants.Add(source[..^cut]);
            texts.AddRange(variants);
        }

        var crafted = await VerifyCraftedQr.AllAsync(app);
        texts.AddRange(crafted.Select(c => c.Text));

        var server = new List<JsonElement>();
        using var client = app.CreateClient();
        foreach (var text in texts)
        {
            using var response = await client.PostAsJsonAsync("/api/v1/verify/qr", new { text });
            server.Add(await response.Content.ReadFromJsonAsync<JsonElement>());
        }

        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = PageProblems.Watch(page);
        await page.GotoAsync("/verify");
        var browser = await page.EvaluateAsync<string[]>(
            """
            async (texts) => {
              const cg1 = await import('/verify/cg1.js');
              const { signedDocuments } = await import('/verify/documents.js');
              const documents = signedDocuments(document.getElementById('verify-app').dataset.rootSpki);
              const codes = [];
              for (const text of texts) codes.push((await cg1.verifyCg1(text, documents)).code);
              return codes;
            }
            """, texts);

        var failures = new List<string>();
        for (var i = 0; i < texts.Count; i++)
        {
            var code = server[i].GetProperty("code").GetString()!;
            var stage = server[i].GetProperty("stage").GetString()!;
            // The browser stops where it must: the registry is online only. SM2 codes are checked as ES256 ones are.
            var expected = code.StartsWith("CG1-REGISTRY-", StringComparison.Ordinal) ? "CG1-VALID" : code;
            if (browser[i] != expected)
            {
                var label = crafted.FirstOrDefault(c => c.Text == texts[i]).Label ?? Shorten(texts[i]);
                failures.Add($"#{i} server {code} ({stage}), browser {browser[i]}: {label}");
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        // Every stage was reached, and agreed on.
        string[] reached =
        [
            "CG1-VALID", "CG1-EMPTY", "CG1-TOO-LONG", "CG1-PREFIX", "CG1-BASE45", "CG1-ZLIB", "CG1-ZLIB-LIMIT", "CG1-COSE", "CG1-ALG-UNSUPPORTED",
            "CG1-KID-MISSING", "CG1-KID-UNKNOWN", "CG1-ALG-MISMATCH", "CG1-SIG-INVALID", "CG1-CLAIMS", "CG1-NOT-YET-VALID", "CG1-EXPIRED",
            "CG1-REVOKED", "CG1-STATUS-UNAVAILABLE",
        ];
        Assert.DoesNotContain("CG1-SM2-NEEDS-SERVER", browser);
        Assert.Equal("CG1-VALID", browser[texts.IndexOf(sm2)]);
        Assert.Empty(reached.Except(browser));
        // The one expected complaint: the status list that does not exist.
        Assert.All(watch.All, p => Assert.Contains("/.well-known/certguard/status/440100-99", p, StringComparison.Ordinal));
    }

    private const string CameraClosed = "() => document.getElementById('verify-video').srcObject === null";

    private const string OfflineReady =
        "() => navigator.serviceWorker.controller !== null && document.querySelector('[data-testid=verify-offline]').dataset.state === 'ready'";

    // A 1×1 white PNG.
    private static readonly byte[] BlankPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==");

    private static async Task VerifyAsync(IPage page, string text)
    {
        // Clear the previous verdict first, so that the assertions wait for this one.
        await page.EvaluateAsync("() => document.getElementById('verify-result').replaceChildren()");
        await page.GetByTestId("verify-text").FillAsync(text);
        await page.GetByTestId("verify-submit").ClickAsync();
        await Expect(page.GetByTestId("verify-result")).ToBeVisibleAsync();
    }

    private static string Shorten(string text) => text.Length <= 40 ? $"\"{text}\"" : $"\"{text[..40]}…\" ({text.Length} chars)";

    /// <summary>A full-page screenshot in TestResults/screenshots/ at the repository root.</summary>
    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(RepositoryRoot(), "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CertGuard.slnx"))) return folder.FullName;
        }
        throw new InvalidOperationException($"No CertGuard.slnx above {AppContext.BaseDirectory}.");
    }
}
