namespace HealthFuncs.Core.Seeds;

/// <summary>
/// The seed folder is inconsistent. <see cref="Errors"/> lists every problem found, each naming
/// the file and the entry ("targets/son-duong-2021.json: targets[3] (KCB.X 2021): ...").
/// </summary>
public sealed class SeedException(IReadOnlyList<string> errors)
    : Exception("Seed data is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, errors))
{
    /// <summary>Every problem found, one line each.</summary>
    public IReadOnlyList<string> Errors { get; } = errors;
}
