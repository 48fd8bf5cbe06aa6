using CertGuard.Core.Privacy;

namespace CertGuard.Core.Tests.Privacy;

/// <summary>One mask for every phone the platform shows to someone without the need to know (tips, working groups).</summary>
public sealed class PhoneNumbersTests
{
    [Theory]
    [InlineData("13800138000", "138****8000")]
    [InlineData("020-83135469", "020-****5469")]
    [InlineData("83135469", "****5469")]
    [InlineData("8313546", "***3546")]
    [InlineData("5469", "****")]
    [InlineData("", "")]
    public void The_four_before_the_last_four_are_hidden(string phone, string masked) => Assert.Equal(masked, PhoneNumbers.Mask(phone));

    [Fact]
    public void A_mask_keeps_the_length_and_never_shows_more_than_the_last_four_digits_after_the_prefix()
    {
        foreach (var phone in new[] { "13912345678", "0755-26581234", "+86 13912345678" })
        {
            var masked = PhoneNumbers.Mask(phone);
            Assert.Equal(phone.Length, masked.Length);
            Assert.Equal(phone[^4..], masked[^4..]);
            Assert.Equal("****", masked[^8..^4]);
        }
    }
}
