using System.Text;
using QRCoder;

namespace CertGuard.Browser.Tests;

/// <summary>
/// A camera for Chromium that films a QR code: a Y4M video (raw YUV 4:2:0) that Chromium plays as its fake capture
/// device (--use-file-for-fake-video-capture), so the page's real getUserMedia → jsQR path runs in the test.
/// </summary>
internal static class VerifyFakeCamera
{
    private const int Width = 640;
    private const int Height = 480;

    /// <summary>Writes a video of <paramref name="text"/>'s QR code, black on white, centred with its quiet zone.</summary>
    public static string WriteVideo(string text, string folder)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        var modules = data.ModuleMatrix; // includes the 4-module quiet zone
        var size = modules.Count;
        var scale = (Height - 40) / size;
        var left = (Width - (size * scale)) / 2;
        var top = (Height - (size * scale)) / 2;

        var luma = new byte[Width * Height];
        Array.Fill(luma, (byte)235);
        for (var y = 0; y < size * scale; y++)
        {
            for (var x = 0; x < size * scale; x++)
            {
                if (modules[y / scale][x / scale]) luma[((top + y) * Width) + left + x] = 16;
            }
        }
        var chroma = new byte[Width / 2 * (Height / 2)];
        Array.Fill(chroma, (byte)128);

        var path = Path.Combine(folder, "qr-camera.y4m");
        using var file = File.Create(path);
        file.Write(Encoding.ASCII.GetBytes($"YUV4MPEG2 W{Width} H{Height} F10:1 Ip A1:1 C420\n"));
        for (var frame = 0; frame < 10; frame++)
        {
            file.Write("FRAME\n"u8);
            file.Write(luma);
            file.Write(chroma);
            file.Write(chroma);
        }
        return path;
    }
}
