using Ebs.Core;
using Ebs.Core.Services;
using Spectre.Console;

namespace Ebs.Cli.Commands.Images;

/// <summary><c>ebs image list</c>.</summary>
internal sealed class ImageListCommand(IAnsiConsole console, TimeProvider time) : StoreCommand<AccountSettings>(console, time)
{
    protected override async Task<int> RunAsync(EbsCloud cloud, Ec2Client ec2, AccountSettings settings, CancellationToken cancellationToken)
    {
        var images = (await ec2.DescribeImagesAsync(new(), cancellationToken)).Images;
        Print(settings, Views.Json(images), () => Views.Images(images));
        return 0;
    }
}
