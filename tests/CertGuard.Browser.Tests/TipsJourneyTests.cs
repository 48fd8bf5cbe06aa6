using System.Buffers.Binary;
using System.Text;
using CertGuard.Browser.Tests.Infrastructure;
using CertGuard.Core;
using CertGuard.Core.Accounts;
using CertGuard.Core.Tips;
using CertGuard.Data.Tips;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertGuard.Browser.Tests;

/// <summary>
/// Issue 14's journey through the pages: a citizen on a phone (390 px, no account) files an anonymous tip of
/// 无证上岗 in 广州市 with a photo and is shown a 16-digit receipt once; the city office (1366 px) finds it in its
/// queue, assigns it to itself, reads the material (the photo stored without its text metadata) and writes to the
/// reporter; the citizen follows up with the receipt and reads the message. A wrong receipt and an expired one get
/// the same answer.
/// </summary>
public sealed class TipsJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string What = "浏览器旅程：白云区某物流园三名叉车司机无证上岗，每天早上七点开工。";
    private const string PhotoMarker = "GPS 23.1291N 113.2644E";
    private const string OfficeMessage = "您好，举报已收到并分派，我们将在三十日内到现场核查。";

    [Fact]
    public async Task A_citizen_on_a_phone_files_an_anonymous_tip_the_office_writes_back_and_the_receipt_reads_it()
    {
        // 1. The citizen's phone: no account, 390 px wide.
        await using var phone = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN", BaseURL = app.ServerAddress.ToString(), ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true, HasTouch = true,
        });
        var citizen = await phone.NewPageAsync();
        var citizenProblems = PageProblems.Watch(citizen);
        await citizen.GotoAsync("/tips/new");
        await Expect(citizen.GetByTestId("tip-form")).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(citizen, "the tip form");
        await citizen.GetByTestId("tip-kind").SelectOptionAsync(new SelectOptionValue { Label = UiStrings.Chinese("Tips.Kind.Uncertified") });
        await citizen.GetByTestId("tip-city").SelectOptionAsync(new SelectOptionValue { Label = "广州市" });
        await citizen.GetByTestId("tip-site").FillAsync("白云区某物流园");
        await citizen.GetByTestId("tip-what").FillAsync(What);
        await citizen.GetByTestId("tip-files").SetInputFilesAsync(new FilePayload { Name = "现场.png", MimeType = "image/png", Buffer = PhotoWithTextChunk() });
        await citizen.GetByTestId("tip-anonymous").CheckAsync();
        await citizen.GetByTestId("tip-submit").ClickAsync();

        await Expect(citizen.GetByTestId("tip-receipt-box")).ToBeVisibleAsync();
        await Expect(citizen.GetByTestId("tip-receipt-box")).ToContainTextAsync(UiStrings.Chinese("Tips.New.KeepReceipt"));
        var shown = (await citizen.GetByTestId("tip-receipt").InnerTextAsync()).Trim();
        Assert.Matches(@"^\d{4} \d{4} \d{4} \d{4}$", shown);
        var receipt = shown.Replace(" ", "", StringComparison.Ordinal);
        await AssertNoSidewaysScrollAsync(citizen, "the receipt");
        // Shown once: the form opened again is empty and shows no receipt.
        await citizen.GotoAsync("/tips/new");
        await Expect(citizen.GetByTestId("tip-receipt")).ToHaveCountAsync(0);
        citizenProblems.AssertNone();

        var tipId = await TipIdAsync(receipt);

        // 2. The city office at its desk (1366 px): the queue, the tip, assignment, the material, a message.
        await using (var desk = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN", BaseURL = app.ServerAddress.ToString(), ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        }))
        {
            var office = await desk.NewPageAsync();
            var officeProblems = PageProblems.Watch(office);
            await Steps.SignInAsync(office, app, Role.CityOffice.Id);
            await office.GotoAsync("/tips/office");
            var row = office.GetByTestId("tip-row").Filter(new() { Has = office.Locator($"a[href='/tips/office?id={tipId}']") });
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row).ToContainTextAsync("广州市");
            await Expect(row).ToContainTextAsync(UiStrings.Chinese("Tips.Kind.Uncertified"));
            await Expect(row).ToContainTextAsync(UiStrings.Chinese("Tips.State.Received"));
            await row.Locator("a").ClickAsync();
            await Expect(office.GetByTestId("tip-detail-state")).ToHaveTextAsync(UiStrings.Chinese("Tips.State.Received"));
            // Not assigned yet: not even the city office reads the material.
            await Expect(office.GetByTestId("tip-material-what")).ToHaveCountAsync(0);

            var officer = app.Account(Role.CityOffice.Id).UserName;
            await office.GetByTestId("tip-officer").FillAsync(officer);
            await office.GetByTestId("tip-assign").ClickAsync();
            await Expect(office.GetByTestId("tip-detail-state")).ToHaveTextAsync(UiStrings.Chinese("Tips.State.Assigned"));
            await Expect(office.GetByTestId("tip-detail")).ToContainTextAsync(officer);
            await Expect(office.GetByTestId("tip-material-what")).ToHaveTextAsync(What);
            await Expect(office.GetByTestId("tip-detail")).ToContainTextAsync(UiStrings.Chinese("Tips.Field.Anonymous"));

            // The photo, as stored: still a PNG with its image data, without the text chunk that carried a position.
            var photoLinks = office.GetByTestId("tip-material-files").Locator("a");
            await Expect(photoLinks).ToHaveCountAsync(1);
            await Expect(photoLinks).ToContainTextAsync("image/png");
            var photo = await desk.APIRequest.GetAsync((await photoLinks.GetAttributeAsync("href"))!);
            Assert.Equal(200, photo.Status);
            var stored = await photo.BodyAsync();
            Assert.True(stored.AsSpan().StartsWith(PngSignature), "The stored photo is not a PNG any more.");
            Assert.True(stored.AsSpan().IndexOf("IDAT"u8) > 0, "The stored photo lost its image data.");
            Assert.True(stored.AsSpan().IndexOf(Encoding.ASCII.GetBytes(PhotoMarker)) < 0, "The stored photo still carries its tEXt metadata.");

            await office.GetByTestId("tip-office-message").FillAsync(OfficeMessage);
            await office.GetByTestId("tip-office-send").ClickAsync();
            await Expect(office.GetByTestId("tip-office-messages")).ToContainTextAsync(OfficeMessage);
            await Screenshots.SaveAsync(office, "tips-office-1366");
            officeProblems.AssertNone();
        }

        // 3. Back on the phone: the receipt opens the follow-up and shows the office's message.
        await citizen.GotoAsync("/tips/follow-up");
        await citizen.GetByTestId("tip-receipt-input").FillAsync(shown);
        await citizen.GetByTestId("tip-follow-submit").ClickAsync();
        await Expect(citizen.GetByTestId("tip-state")).ToHaveAttributeAsync("data-state", nameof(TipState.Assigned));
        await Expect(citizen.GetByTestId("tip-state")).ToHaveTextAsync(UiStrings.Chinese("Tips.State.Assigned"));
        await Expect(citizen.GetByTestId("tip-messages").Locator("li.office")).ToHaveCountAsync(1);
        await Expect(citizen.GetByTestId("tip-messages").Locator("li.office")).ToContainTextAsync(OfficeMessage);
        await Expect(citizen.GetByTestId("tip-messages")).ToContainTextAsync(UiStrings.Chinese("Tips.FollowUp.FromOffice"));
        await Expect(citizen.GetByTestId("tip-error")).ToHaveCountAsync(0);
        await AssertNoSidewaysScrollAsync(citizen, "the follow-up");
        await Screenshots.SaveAsync(citizen, "tips-follow-up-390");
        citizenProblems.AssertNone();

        // A wrong receipt (last digit changed) …
        var wrong = receipt[..15] + (receipt[15] == '9' ? '0' : (char)(receipt[15] + 1));
        var wrongAnswer = await FollowUpAsync(citizen, wrong);
        Assert.Equal(404, wrongAnswer.Status);
        var unknown = RefusalMessages.Texts("TIP-RECEIPT-UNKNOWN")!.Value.Chinese;
        await Expect(citizen.GetByTestId("tip-error")).ToHaveAttributeAsync("data-code", "TIP-RECEIPT-UNKNOWN");
        await Expect(citizen.GetByTestId("tip-error")).ToHaveTextAsync(unknown);
        await Expect(citizen.GetByTestId("tip-state")).ToHaveCountAsync(0);
        await Expect(citizen.GetByTestId("tip-messages")).ToHaveCountAsync(0);
        var wrongError = await citizen.GetByTestId("tip-error").EvaluateAsync<string>("e => e.outerHTML");

        // … and the real one after a year and more without use get the same answer (typed in the form the refusal shows again).
        await using (var db = app.SystemDb())
        {
            await db.Tips.Where(t => t.Id == tipId).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastReporterActivityAt, DateTimeOffset.UtcNow.AddDays(-400)));
        }
        var expiredAnswer = await FollowUpAsync(citizen, receipt, open: false);
        Assert.Equal(wrongAnswer.Status, expiredAnswer.Status);
        await Expect(citizen.GetByTestId("tip-error")).ToHaveTextAsync(unknown);
        Assert.Equal(wrongError, await citizen.GetByTestId("tip-error").EvaluateAsync<string>("e => e.outerHTML"));
        await Expect(citizen.GetByTestId("tip-state")).ToHaveCountAsync(0);
        Assert.Equal(wrongAnswer.Headers.GetValueOrDefault("cache-control"), expiredAnswer.Headers.GetValueOrDefault("cache-control"));
        citizenProblems.AssertNoneBut(404, "/tips/follow-up");

        // Guessing receipts: past the look-up limit the page shows the query's challenge; solved in the browser, the
        // look-up goes through (the guess still reads as unknown, like any wrong receipt).
        var limited = citizen.GetByTestId("tip-limited");
        for (var i = 0; i < 20 && await limited.CountAsync() == 0; i++) await FollowUpAsync(citizen, wrong, open: false);
        await Expect(limited).ToHaveAttributeAsync("data-code", "TIP-LOOKUP-LIMITED");
        await Expect(citizen.GetByTestId("tip-state")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(citizen, "tips-follow-up-limited-390");
        await citizen.GetByTestId("tip-receipt-input").FillAsync(wrong);
        await citizen.GetByTestId("tip-challenge").ClickAsync();
        await Expect(citizen.GetByTestId("tip-error")).ToHaveAttributeAsync("data-code", "TIP-RECEIPT-UNKNOWN", new() { Timeout = 60_000 });
        await Expect(limited).ToHaveCountAsync(0);
    }

    /// <summary>
    /// Posts a receipt in the follow-up form, opening the page first unless it already shows the form (after a refusal).
    /// Every request to the page counts against the public query's per-client limit (a burst of 5): this journey makes five.
    /// </summary>
    private static async Task<IResponse> FollowUpAsync(IPage page, string receipt, bool open = true)
    {
        if (open) await page.GotoAsync("/tips/follow-up");
        await page.GetByTestId("tip-receipt-input").FillAsync(receipt);
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByTestId("tip-follow-submit").ClickAsync(),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == "/tips/follow-up");
        await page.WaitForLoadStateAsync();
        return response;
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page, string what)
    {
        var (scroll, width) = (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("() => window.innerWidth"));
        Assert.True(scroll <= width, $"On a 390 px phone {what} scrolls sideways: {scroll} px wide in a {width} px window.");
    }

    /// <summary>The tip the receipt opens, found as the platform finds it (the receipt itself is stored nowhere).</summary>
    private async Task<Guid> TipIdAsync(string receipt)
    {
        await using var db = app.SystemDb();
        var recent = await db.Tips.OrderByDescending(t => t.ReceivedAt).Take(50).ToListAsync();
        var vault = app.Services.GetRequiredService<TipVault>();
        return Assert.Single(recent, t => vault.Matches(t, receipt)).Id;
    }

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>A 2×2 grey PNG with a tEXt chunk holding a position, as some phone apps write.</summary>
    private static byte[] PhotoWithTextChunk()
    {
        var png = new List<byte>(PngSignature.ToArray());
        void Chunk(string type, byte[] data)
        {
            var length = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
            var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
            var crc = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
            png.AddRange(length);
            png.AddRange(typed);
            png.AddRange(crc);
        }
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, 2);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), 2);
        header[8] = 8; // 8-bit grey, no interlace
        Chunk("IHDR", header);
        Chunk("tEXt", Encoding.ASCII.GetBytes("Comment\0" + PhotoMarker));
        using (var raw = new MemoryStream())
        {
            using (var z = new System.IO.Compression.ZLibStream(raw, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
                z.Write([0, 0x80, 0x80, 0, 0x80, 0x80]); // two rows, filter byte 0 then two grey pixels
            Chunk("IDAT", raw.ToArray());
        }
        Chunk("IEND", []);
        return [.. png];
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
