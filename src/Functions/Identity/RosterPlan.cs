using HealthFuncs.Core.Workbooks;
using HealthFuncs.Functions.Storage;

namespace HealthFuncs.Functions.Identity;

public enum RosterChangeKind { Added, Changed, Disabled, Enabled }

/// One user the upload adds or changes: the sheet row, old → new as the audit writes them.
public sealed record RosterChange(int Row, string Id, RosterChangeKind Kind, string? Old, string New);

/// What an uploaded roster does: the rows that change something, how many change nothing, and the rows refused.
/// Applied only when nothing is refused, all at once.
public sealed record RosterSummary(bool DryRun, bool Applied, IReadOnlyList<RosterChange> Added, IReadOnlyList<RosterChange> Changed,
    IReadOnlyList<RosterChange> Disabled, IReadOnlyList<RosterChange> Enabled, int Unchanged, IReadOnlyList<RosterIssue> Rejected);

/// <summary>
/// Compares an uploaded roster with the stored users under the caller's <see cref="UserScope"/>: each row must be a
/// valid user the caller may manage, placed where the caller may place them, and not a change to the caller's own
/// role, unit or state. Users missing from the file are left as they are.
/// </summary>
public sealed record RosterPlan(IReadOnlyList<RosterChange> Changes, IReadOnlyList<(UserAccount? Read, User User, bool Disabled)> Writes,
    int Unchanged, IReadOnlyList<RosterIssue> Rejected)
{
    public const int MaxChanges = 100;

    public RosterSummary Summary(bool dryRun, bool applied) => new(dryRun, applied,
        Of(RosterChangeKind.Added), Of(RosterChangeKind.Changed), Of(RosterChangeKind.Disabled), Of(RosterChangeKind.Enabled), Unchanged, Rejected);

    private IReadOnlyList<RosterChange> Of(RosterChangeKind kind) => [.. Changes.Where(c => c.Kind == kind)];

    public static RosterPlan Of(RosterUpload upload, IReadOnlyList<UserAccount> stored, UserScope scope)
    {
        var byId = stored.ToDictionary(a => a.User.Id, StringComparer.Ordinal);
        var rejected = upload.Rejected.ToList();
        var changes = new List<RosterChange>();
        var writes = new List<(UserAccount?, User, bool)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unchanged = 0;
        foreach (var (row, line) in upload.Lines.Select(l => (l.Row, l.User)))
        {
            void Reject(string field, string vi, string en) =>
                rejected.Add(new RosterIssue(row, line.Id, field, $"Dòng {row} ({line.Id}): {vi}", $"Row {row} ({line.Id}): {en}"));
            if (!seen.Add(line.Id)) { Reject("id", "mã người dùng lặp lại trong tệp.", "the user id appears twice in the file."); continue; }
            if (!UserRules.IsValidId(line.Id)) { Reject("id", "mã người dùng tối đa 200 ký tự, không chứa / \\ # ?.", "the user id is at most 200 characters, without / \\ # ?."); continue; }
            UserRole? role = Enum.TryParse<UserRole>(line.Role, ignoreCase: true, out var r) && Enum.IsDefined(r) && !int.TryParse(line.Role, out _) ? r : null;
            if (UserRules.Problem(line.Name, role, line.UnitCode, scope.Tree) is { } problem) { Reject(problem.Field, problem.Vi, problem.En); continue; }
            var user = new User(line.Id, line.Name.Trim(), role!.Value, UserRules.Unit(line.UnitCode));
            var existing = byId.GetValueOrDefault(line.Id);
            if (existing is not null && !scope.CanManage(existing.User) || !scope.Reaches(user.Role, user.UnitCode))
            {
                Reject("unitCode", $"tài khoản {scope.Caller.Id} không được quản lý người dùng này hoặc đặt họ vào đơn vị/vai trò đó.",
                    $"{scope.Caller.Id} may not manage this user or give them that unit or role.");
                continue;
            }
            if (existing is null)
            {
                changes.Add(new RosterChange(row, user.Id, RosterChangeKind.Added, null, UserScope.Describe(user, line.Disabled)));
                writes.Add((null, user, line.Disabled));
                continue;
            }
            if (existing.User == user && existing.Disabled == line.Disabled) { unchanged++; continue; }
            if (user.Id == scope.Caller.Id && (existing.User.Role != user.Role || existing.User.UnitCode != user.UnitCode || existing.Disabled != line.Disabled))
            {
                Reject("id", "không thể tự đổi vai trò, đơn vị hoặc tự vô hiệu hóa mình.", "you cannot change your own role or unit or disable yourself.");
                continue;
            }
            var kind = existing.Disabled == line.Disabled ? RosterChangeKind.Changed : line.Disabled ? RosterChangeKind.Disabled : RosterChangeKind.Enabled;
            changes.Add(new RosterChange(row, user.Id, kind, UserScope.Describe(existing.User, existing.Disabled), UserScope.Describe(user, line.Disabled)));
            writes.Add((existing, user, line.Disabled));
        }
        if (rejected.Count == 0 && changes.Count > MaxChanges)
            rejected.Add(new RosterIssue(0, null, "file", $"Tệp thay đổi {changes.Count} người dùng; mỗi lần tải lên tối đa {MaxChanges}.",
                $"The file changes {changes.Count} users; at most {MaxChanges} per upload."));
        return new RosterPlan(changes, writes, unchanged, [.. rejected.OrderBy(i => i.Row)]);
    }
}
