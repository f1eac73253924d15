namespace HealthFuncs.Core.Seeds;

/// <summary>What a user may see and do: everything, one province's subtree, or one district's subtree.</summary>
public enum UserRole
{
    /// <summary>Manages indicators, targets and units everywhere.</summary>
    Admin,
    /// <summary>Sở Y tế: assigns targets and reads consolidated results under its province.</summary>
    Province,
    /// <summary>Phòng Y tế / Trung tâm Y tế huyện: reports for its district.</summary>
    District,
}

/// <summary>
/// A local development user from <c>seeds/users.json</c>. <paramref name="DevKey"/> is sent as
/// <c>X-Api-Key</c> on a developer machine and in tests; it is never a production credential.
/// </summary>
/// <param name="Id">Stable user id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Role">The user's role.</param>
/// <param name="UnitCode">The unit the user belongs to; null for an admin.</param>
/// <param name="DevKey">The development API key.</param>
public sealed record SeedUser(string Id, string Name, UserRole Role, string? UnitCode, string DevKey);
