namespace PaperFeed.BrowserTests.Infrastructure;

/// <summary>The screen sizes the pages are tested and photographed at.</summary>
public sealed record Viewport(string Name, int Width, int Height, bool IsMobile, ColorScheme ColorScheme = ColorScheme.Light)
{
    public static readonly Viewport Phone = new("phone", 390, 844, IsMobile: true);

    public static readonly Viewport Desktop = new("desktop", 1280, 900, IsMobile: false);

    public static readonly Viewport DesktopDark = new("desktop-dark", 1280, 900, IsMobile: false, ColorScheme.Dark);

    public static readonly IReadOnlyList<Viewport> Both = [Phone, Desktop];
}
