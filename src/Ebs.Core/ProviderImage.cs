using System.Globalization;
using Ebs.Core.Domain;

namespace Ebs.Core;

/// <summary>
/// One public base image of the built-in provider catalogue (<see cref="EbsOptions.ProviderImages"/>): owned by the
/// provider account that the owner alias <c>amazon</c> names, present in every Region, backed by a small root snapshot
/// whose first block holds <see cref="OsRelease"/> and whose other blocks are holes.
/// </summary>
public sealed record ProviderImage
{
    /// <summary>Gets the image name, unique in the catalogue.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the description.</summary>
    public required string Description { get; init; }

    /// <summary>Gets the architecture.</summary>
    public required ArchitectureValues Architecture { get; init; }

    /// <summary>Gets the boot mode, or <see langword="null"/> for the instance type's default.</summary>
    public BootModeValues? BootMode { get; init; }

    /// <summary>Gets the creation date DescribeImages shows.</summary>
    public required DateTimeOffset CreationDate { get; init; }

    /// <summary>Gets the size of the root snapshot's volume in GiB (1 to 16,384).</summary>
    public int VolumeSizeGiB { get; init; } = 8;

    /// <summary>Gets the text at the start of the root volume (an os-release header), at most one block long.</summary>
    public required string OsRelease { get; init; }

    /// <summary>Gets the library's default catalogue: Amazon Linux 2023 (x86_64, arm64) and Amazon Linux 2 (x86_64), as named in late 2024.</summary>
    /// <returns>A new list of the default images.</returns>
    public static IList<ProviderImage> Defaults() =>
    [
        AmazonLinux2023("x86_64", ArchitectureValues.X86_64),
        AmazonLinux2023("arm64", ArchitectureValues.Arm64),
        new()
        {
            Name = "amzn2-ami-kernel-5.10-hvm-2.0.20241113.1-x86_64-gp2",
            Description = "Amazon Linux 2 Kernel 5.10 AMI 2.0.20241113.1 x86_64 HVM gp2",
            Architecture = ArchitectureValues.X86_64,
            CreationDate = DateTimeOffset.Parse("2024-11-14T01:05:42Z", CultureInfo.InvariantCulture),
            OsRelease = "NAME=\"Amazon Linux\"\nVERSION=\"2\"\nID=\"amzn\"\nID_LIKE=\"centos rhel fedora\"\nVERSION_ID=\"2\"\nPRETTY_NAME=\"Amazon Linux 2\"\nCPE_NAME=\"cpe:2.3:o:amazon:amazon_linux:2\"\nHOME_URL=\"https://amazonlinux.com/\"\n",
        },
    ];

    private static ProviderImage AmazonLinux2023(string arch, ArchitectureValues architecture) => new()
    {
        Name = $"al2023-ami-2023.6.20241121.0-kernel-6.1-{arch}",
        Description = $"Amazon Linux 2023 AMI 2023.6.20241121.0 {arch} HVM kernel-6.1",
        Architecture = architecture,
        BootMode = BootModeValues.UefiPreferred,
        CreationDate = DateTimeOffset.Parse("2024-11-21T23:32:09Z", CultureInfo.InvariantCulture),
        OsRelease = "NAME=\"Amazon Linux\"\nVERSION=\"2023\"\nID=\"amzn\"\nID_LIKE=\"fedora\"\nVERSION_ID=\"2023\"\nPLATFORM_ID=\"platform:al2023\"\nPRETTY_NAME=\"Amazon Linux 2023.6.20241121\"\nANSI_COLOR=\"0;33\"\nCPE_NAME=\"cpe:2.3:o:amazon:amazon_linux:2023\"\nHOME_URL=\"https://aws.amazon.com/linux/amazon-linux-2023/\"\n",
    };
}
