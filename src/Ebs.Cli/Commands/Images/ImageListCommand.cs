using System.ComponentModel;
using Ebs.Core;
using Ebs.Core.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ebs.Cli.Commands.Images;

/// <summary><c>ebs image list [--owner self|amazon|ACCOUNT]…</c>: the caller's images unless owners are named, with each image's owner and whether it is public.</summary>
internal sealed class ImageListCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<ImageListCommand.Settings>(console, time)
{
    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, Settings settings, CancellationToken cancellationToken)
    {
        var images = (await ec2.DescribeImagesAsync(new() { Owners = settings.Owners.Length > 0 ? settings.Owners : ["self"] }, cancellationToken)).Images;
        Print(settings, Views.Json(images), () => Views.Images(images));
        return 0;
    }

    internal sealed class Settings : AccountSettings
    {
        [CommandOption("--owner <OWNER>")]
        [Description("List the images of this owner: self (the default), amazon (the built-in base images), or an account id (its public images and those shared with you); repeatable.")]
        public string[] Owners { get; init; } = [];
    }
}
