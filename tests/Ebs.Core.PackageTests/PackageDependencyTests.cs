using System.IO.Compression;
using System.Xml.Linq;

namespace Ebs.Core.PackageTests;

/// <summary>The dependencies the packed packages declare.</summary>
public sealed class PackageDependencyTests
{
    [Fact]
    public void TestingPackage_DependsOnExactlyItsOwnEbsCoreVersion()
    {
        var packages = Path.Combine(ExampleProject.RepositoryRoot(), "artifacts", "packages");
        var package = Directory.GetFiles(packages, "Ebs.Core.Testing.*.nupkg").Single(p => !p.EndsWith(".snupkg", StringComparison.Ordinal));
        using var zip = ZipFile.OpenRead(package);
        using var nuspec = zip.GetEntry("Ebs.Core.Testing.nuspec")!.Open();
        var document = XDocument.Load(nuspec);
        var version = document.Descendants().Single(e => e.Name.LocalName == "version" && e.Parent!.Name.LocalName == "metadata").Value;
        var dependencies = document.Descendants().Where(e => e.Name.LocalName == "dependency").ToList();

        var core = dependencies.Single(d => (string?)d.Attribute("id") == "Ebs.Core");

        // The kit reads Ebs.Core's internals: any other Ebs.Core version must fail to restore.
        Assert.Equal($"[{version}]", (string?)core.Attribute("version"));
    }
}
