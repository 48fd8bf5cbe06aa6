using System.Resources;

[assembly: NeutralResourcesLanguage("zh-CN")]

namespace CertGuard.Web;

/// <summary>Marker for the UI strings in Resources/SharedResource*.resx: Chinese by default, English switchable.</summary>
public sealed class SharedResource;
