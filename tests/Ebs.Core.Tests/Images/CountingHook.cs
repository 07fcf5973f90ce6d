using Ebs.Core.Services;

namespace Ebs.Core.Tests.Images;

/// <summary>A quiesce hook that counts its callbacks, records for whom they ran, and can act or throw before the capture.</summary>
public sealed class CountingHook : IQuiesceHook
{
    public int Before { get; private set; }

    public int After { get; private set; }

    public List<string> Resources { get; } = [];

    public Func<Task>? OnBefore { get; set; }

    public Exception? ThrowBefore { get; init; }

    public async ValueTask BeforeCaptureAsync(string resourceId, CancellationToken cancellationToken)
    {
        Before++;
        Resources.Add(resourceId);
        if (ThrowBefore is not null)
        {
            throw ThrowBefore;
        }

        if (OnBefore is not null)
        {
            await OnBefore();
        }
    }

    public ValueTask AfterCaptureAsync(string resourceId, CancellationToken cancellationToken)
    {
        After++;
        Resources.Add(resourceId);
        return ValueTask.CompletedTask;
    }
}
