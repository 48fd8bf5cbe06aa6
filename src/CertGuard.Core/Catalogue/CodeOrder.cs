namespace CertGuard.Core.Catalogue;

/// <summary>Orders catalogue codes by their numbers (1.2 before 1.10, 2 before 10), as the catalogue lists them.</summary>
public sealed class CodeOrder : IComparer<string>
{
    public static CodeOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null) return string.CompareOrdinal(x, y);
        var a = x.Split('.');
        var b = y.Split('.');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var byNumber = int.TryParse(a[i], out var m) && int.TryParse(b[i], out var n) ? m.CompareTo(n) : string.CompareOrdinal(a[i], b[i]);
            if (byNumber != 0) return byNumber;
        }
        return a.Length.CompareTo(b.Length);
    }
}
