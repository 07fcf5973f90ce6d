using System.Reflection;
using System.Xml.Linq;
using Ebs.Core.Services;

namespace Ebs.Core.Tests.Services;

/// <summary>Checks every public facade (every public class named <c>*Client</c>) against docs/api.md.</summary>
public sealed class FacadeConventionTests
{
    /// <summary>Members outside the request/response rule, each for the reason docs/api.md gives.</summary>
    private static readonly HashSet<string> Documented =
    [
        // A stream over a volume's bytes: finding the volume is all the call does.
        "Ec2Client.OpenVolume",
    ];

    private static readonly XDocument Docs = XDocument.Load(Path.ChangeExtension(typeof(Ec2Client).Assembly.Location, ".xml"));

    public static TheoryData<string> Operations()
    {
        var data = new TheoryData<string>();
        foreach (var method in FacadeMethods())
        {
            data.Add($"{method.DeclaringType!.Name}.{method.Name}({string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name))})");
        }

        return data;
    }

    [Fact]
    public void Facades_Found_Ec2ClientAmongThem()
        => Assert.Contains(FacadeMethods(), m => m.DeclaringType == typeof(Ec2Client) && m.Name == nameof(Ec2Client.CreateVolumeAsync));

    [Theory]
    [MemberData(nameof(Operations))]
    public void FacadeMethod_Shape_FollowsTheConvention(string signature)
    {
        var method = FacadeMethods().Single(m => $"{m.DeclaringType!.Name}.{m.Name}({string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name))})" == signature);
        var name = $"{method.DeclaringType!.Name}.{method.Name}";
        Assert.True(HasExceptionDocs(method), $"{signature} has no <exception> docs.");
        if (Documented.Contains(name))
        {
            return;
        }

        var operation = method.Name.EndsWith("Async", StringComparison.Ordinal) ? method.Name[..^"Async".Length] : null;
        Assert.True(operation is not null, $"{signature}: the name does not end in Async.");
        var parameters = method.GetParameters();
        Assert.True(parameters.Length == 2, $"{signature}: expected (request, cancellationToken).");
        Assert.Equal($"{operation}Request", parameters[0].ParameterType.Name);
        Assert.Equal(typeof(CancellationToken), parameters[^1].ParameterType);
        Assert.True(parameters[^1].HasDefaultValue, $"{signature}: the CancellationToken has no default.");
        Assert.Equal(typeof(ValueTask<>), method.ReturnType.IsGenericType ? method.ReturnType.GetGenericTypeDefinition() : method.ReturnType);
        Assert.Equal($"{operation}Response", method.ReturnType.GetGenericArguments()[0].Name);
    }

    [Fact]
    public void DocumentedExceptions_EachStillAFacadeMethod()
        => Assert.All(Documented, name => Assert.Contains(FacadeMethods(), m => $"{m.DeclaringType!.Name}.{m.Name}" == name));

    private static IEnumerable<MethodInfo> FacadeMethods()
        => typeof(Ec2Client).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && t.Name.EndsWith("Client", StringComparison.Ordinal))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName);

    private static bool HasExceptionDocs(MethodInfo method)
    {
        var prefix = $"M:{method.DeclaringType!.FullName}.{method.Name}(";
        var members = Docs.Descendants("member").Where(m => ((string?)m.Attribute("name"))?.StartsWith(prefix, StringComparison.Ordinal) == true).ToList();
        return members.Count > 0 && members.All(m => m.Elements("exception").Any());
    }
}
