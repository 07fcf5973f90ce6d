using Ebs.Core.Domain;

namespace Ebs.Core.Services;

public sealed partial class Ec2Client
{
    /// <summary>The furthest ahead EnableImageDeprecation may set a deprecation, as AWS's.</summary>
    private const int MaxDeprecationYears = 10;

    /// <summary>
    /// Disables an available image of the caller's: it is <see cref="ImageState.Disabled"/>, cannot launch
    /// instances, and DescribeImages lists it only with <see cref="DescribeImagesRequest.IncludeDisabled"/>.
    /// </summary>
    /// <param name="request">The image.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>InvalidAMIID.NotFound</c>, <c>InvalidAMIID.Malformed</c>; <c>IncorrectState</c> for an image not available.</exception>
    public async ValueTask<DisableImageResponse> DisableImageAsync(DisableImageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _engine.CommitAsync(nameof(DisableImageAsync), m =>
        {
            var image = FindImage(m.World, request.ImageId);
            RequireImageState(image, m.Now, ImageState.Available);

            // AWS makes a disabled image private: its launch permissions are removed, and enabling it does not restore them.
            m.SetImage(image with { Disabled = true, LaunchPermissions = [] });
            return true;
        }, null, cancellationToken).ConfigureAwait(false);
        return new DisableImageResponse();
    }

    /// <summary>Enables a disabled image of the caller's again: it is available as before.</summary>
    /// <param name="request">The image.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>InvalidAMIID.NotFound</c>, <c>InvalidAMIID.Malformed</c>; <c>IncorrectState</c> for an image not disabled.</exception>
    public async ValueTask<EnableImageResponse> EnableImageAsync(EnableImageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _engine.CommitAsync(nameof(EnableImageAsync), m =>
        {
            var image = FindImage(m.World, request.ImageId);
            RequireImageState(image, m.Now, ImageState.Disabled);
            m.SetImage(image with { Disabled = false });
            return true;
        }, null, cancellationToken).ConfigureAwait(false);
        return new EnableImageResponse();
    }

    /// <summary>
    /// Sets the instant an image of the caller's becomes deprecated, rounded to the nearest minute as AWS rounds it
    /// (half a minute rounds up). A deprecated image still launches; other accounts' describes hide it unless
    /// <see cref="DescribeImagesRequest.IncludeDeprecated"/>.
    /// </summary>
    /// <param name="request">The image and the instant.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>InvalidAMIID.NotFound</c>, <c>InvalidAMIID.Malformed</c>; <c>InvalidParameterValue</c> for an instant in the past or more than 10 years ahead.</exception>
    public async ValueTask<EnableImageDeprecationResponse> EnableImageDeprecationAsync(EnableImageDeprecationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var at = RoundToMinute(request.DeprecateAt);
        await _engine.CommitAsync(nameof(EnableImageDeprecationAsync), m =>
        {
            var image = FindImage(m.World, request.ImageId);
            if (at < m.Now || at > m.Now.AddYears(MaxDeprecationYears))
            {
                throw new EbsException(EbsErrorCodes.InvalidParameterValue, $"DeprecateAt {at:O} must be between now and {MaxDeprecationYears} years from now.", image.Id.Value);
            }

            m.SetImage(image with { DeprecateAt = at });
            return true;
        }, null, cancellationToken).ConfigureAwait(false);
        return new EnableImageDeprecationResponse();
    }

    /// <summary>Cancels the deprecation of an image of the caller's, whether or not it is already deprecated.</summary>
    /// <param name="request">The image.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>InvalidAMIID.NotFound</c>, <c>InvalidAMIID.Malformed</c>.</exception>
    public async ValueTask<DisableImageDeprecationResponse> DisableImageDeprecationAsync(DisableImageDeprecationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _engine.CommitAsync(nameof(DisableImageDeprecationAsync), m =>
        {
            var image = FindImage(m.World, request.ImageId);
            m.SetImage(image with { DeprecateAt = null });
            return true;
        }, null, cancellationToken).ConfigureAwait(false);
        return new DisableImageDeprecationResponse();
    }

    /// <summary>
    /// Protects an image of the caller's from deregistration: DeregisterImage refuses it with <c>OperationNotPermitted</c>
    /// until the protection is disabled, and, <see cref="EnableImageDeregistrationProtectionRequest.WithCooldown"/>, for 24 hours more.
    /// Enabling again replaces the protection (and ends a running cooldown).
    /// </summary>
    /// <param name="request">The image and whether the protection has a cooldown.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>InvalidAMIID.NotFound</c>, <c>InvalidAMIID.Malformed</c>.</exception>
    public async ValueTask<EnableImageDeregistrationProtectionResponse> EnableImageDeregistrationProtectionAsync(EnableImageDeregistrationProtectionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _engine.CommitAsync(nameof(EnableImageDeregistrationProtectionAsync), m =>
        {
            var image = FindImage(m.World, request.ImageId);
            m.SetImage(image with { Protection = new DeregistrationProtection { WithCooldown = request.WithCooldown } });
            return true;
        }, null, cancellationToken).ConfigureAwait(false);
        return new EnableImageDeregistrationProtectionResponse();
    }

    /// <summary>
    /// Disables the deregistration protection of an image of the caller's: at once, or, when it was enabled with a
    /// cooldown, 24 hours later (until then DescribeImages reports <c>disabled-until</c> that instant). Disabling an
    /// unprotected image, or one whose cooldown runs, changes nothing.
    /// </summary>
    /// <param name="request">The image.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="EbsException"><c>InvalidAMIID.NotFound</c>, <c>InvalidAMIID.Malformed</c>.</exception>
    public async ValueTask<DisableImageDeregistrationProtectionResponse> DisableImageDeregistrationProtectionAsync(DisableImageDeregistrationProtectionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _engine.CommitAsync(nameof(DisableImageDeregistrationProtectionAsync), m =>
        {
            var image = FindImage(m.World, request.ImageId);
            if (image.Protection is { CooldownEndsAt: null } protection)
            {
                m.SetImage(image with { Protection = protection.WithCooldown ? protection with { CooldownEndsAt = m.Now + DeregistrationProtection.Cooldown } : null });
            }

            return true;
        }, null, cancellationToken).ConfigureAwait(false);
        return new DisableImageDeregistrationProtectionResponse();
    }

    /// <summary>Refuses to deregister an image its deregistration protection (or that protection's cooldown) still covers.</summary>
    private static void CheckNotProtected(ImageRecord image, DateTimeOffset now)
    {
        if (image.Protection is { } protection && protection.Protects(now))
        {
            throw new EbsException(EbsErrorCodes.OperationNotPermitted, $"Image '{image.Id}' has deregistration protection ({protection.ToAwsString(now)}).", image.Id.Value);
        }
    }

    /// <summary>
    /// Whether DescribeImages lists an image: a disabled one only for its owner with <see cref="DescribeImagesRequest.IncludeDisabled"/>;
    /// a deprecated one always for its owner, for other accounts only with <see cref="DescribeImagesRequest.IncludeDeprecated"/>.
    /// </summary>
    private bool IsListed(ImageRecord image, DateTimeOffset now, DescribeImagesRequest request)
    {
        var own = image.View.OwnerId == AccountId;
        return image.Disabled ? own && request.IncludeDisabled : own || request.IncludeDeprecated || !image.IsDeprecatedAt(now);
    }

    private static void RequireImageState(ImageRecord image, DateTimeOffset now, ImageState required)
    {
        var state = image.ViewAt(now).State;
        if (state != required)
        {
            throw new EbsException(EbsErrorCodes.IncorrectState, $"Image '{image.Id}' is {state.ToAwsString()}, not {required.ToAwsString()}.", image.Id.Value);
        }
    }

    private static DateTimeOffset RoundToMinute(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        var floor = new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        return utc - floor >= TimeSpan.FromSeconds(30) ? floor.AddMinutes(1) : floor;
    }
}
