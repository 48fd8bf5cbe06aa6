using System.Buffers.Binary;
using CertGuard.Core;
using CertGuard.Core.Tips;

namespace CertGuard.Core.Tests.Tips;

public sealed class TipRulesTests
{
    [Theory]
    [InlineData(20_000, 3_000)]      // 15 % is 3,000: the floor
    [InlineData(10_000, 3_000)]      // 1,500 raised to the floor
    [InlineData(100_000, 15_000)]
    [InlineData(5_000_000, 300_000)] // 750,000 cut to the ceiling
    public void The_reward_is_15_percent_of_the_fine_within_floor_and_ceiling(decimal fine, decimal expected)
    {
        var rule = RewardRules.On(new DateOnly(2026, 12, 1));
        Assert.Equal("ajzc-2018-19", rule.Key);
        Assert.Equal(expected, rule.ForDecision(fine, criminalFiling: false).Amount);
    }

    [Fact]
    public void A_criminal_filing_without_a_fine_gets_the_floor_and_nothing_gets_nothing()
    {
        var rule = RewardRules.On(new DateOnly(2026, 12, 1));
        Assert.Equal(3_000m, rule.ForDecision(0, criminalFiling: true).Amount);
        Assert.Equal(0m, rule.ForDecision(0, criminalFiling: false).Amount);
        Assert.Equal(300_000m, rule.ForConcealedAccident("especially-major", 9));
        Assert.Equal(80_000m, rule.ForConcealedAccident("larger", 2));
    }

    [Fact]
    public void Receipts_are_16_random_digits_read_with_or_without_spaces()
    {
        var receipt = Receipt.New();
        Assert.Matches("^[0-9]{16}$", receipt);
        Assert.Equal(receipt, Receipt.Normalise(Receipt.Grouped(receipt)));
        Assert.Null(Receipt.Normalise("123"));
        Assert.NotEqual(receipt, Receipt.New());
    }

    [Fact]
    public void A_png_loses_its_text_time_and_exif_chunks()
    {
        var png = new List<byte>([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        png.AddRange(Chunk("IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]));
        png.AddRange(Chunk("tEXt", "GPS\0N 23.1"u8.ToArray()));
        png.AddRange(Chunk("eXIf", [1, 2, 3]));
        png.AddRange(Chunk("IDAT", [1, 2, 3, 4]));
        png.AddRange(Chunk("IEND", []));
        png.AddRange("trailing secret"u8.ToArray());

        var (bytes, type) = EvidenceScrubber.Scrub(png.ToArray());

        Assert.Equal("image/png", type);
        Assert.True(bytes.AsSpan().IndexOf("IDAT"u8) > 0);
        Assert.Equal(-1, bytes.AsSpan().IndexOf("tEXt"u8));
        Assert.Equal(-1, bytes.AsSpan().IndexOf("eXIf"u8));
        Assert.Equal(-1, bytes.AsSpan().IndexOf("secret"u8));
    }

    [Fact]
    public void Anything_but_a_jpeg_or_png_is_refused()
    {
        var refused = Assert.Throws<DomainRuleException>(() => EvidenceScrubber.Scrub("%PDF-1.7 /Author (张三)"u8));
        Assert.Equal("TIP-FILE-TYPE", refused.Code);
        Assert.Equal("TIP-FILE-DAMAGED", Assert.Throws<DomainRuleException>(() => EvidenceScrubber.Scrub(new byte[] { 0xFF, 0xD8, 0xFF, 0xE1, 0xFF })).Code);
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        System.Text.Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        // The CRC stays zero: the scrubber copies chunks as they are and never decodes them.
        return chunk;
    }
}
