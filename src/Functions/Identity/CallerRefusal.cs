using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace HealthFuncs.Functions.Identity;

/// Why a caller who sent credentials was refused. The reason codes are part of the API: the add-in
/// tells a disabled user or a revoked key apart from a mistyped one.
public enum RefusalReason { UnknownKey, KeyRevoked, KeyExpired, UserDisabled, NotAUser, BadPrincipal, TokenExpired, TokenRejected }

/// The refusal an authentication handler found, answered as a 401 ProblemDetails when the request is challenged.
public sealed record CallerRefusal(RefusalReason Reason, string MessageVi, string MessageEn)
{
    private static readonly object Key = new();

    public static CallerRefusal Disabled(string userId) => new(RefusalReason.UserDisabled,
        $"Tài khoản '{userId}' đã bị vô hiệu hóa; hãy liên hệ quản trị viên nếu cần dùng lại.",
        $"The account '{userId}' has been disabled; ask an administrator if you need it again.");

    /// Remembers the refusal for the challenge and returns the failed result the handler answers.
    public AuthenticateResult Fail(HttpContext http)
    {
        http.Items[Key] = this;
        return AuthenticateResult.Fail(MessageEn);
    }

    public static bool IsRecorded(HttpContext http) => http.Items[Key] is CallerRefusal;

    /// Writes the 401 with the refusal's reason, if authentication recorded one; false otherwise.
    public static async Task<bool> TryChallengeAsync(HttpContext http)
    {
        if (http.Items[Key] is not CallerRefusal refusal || http.Response.HasStarted) return false;
        http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized, Title = "Chưa xác thực", Detail = refusal.MessageVi,
                Extensions = { ["en"] = refusal.MessageEn, ["reason"] = refusal.Reason.ToString() },
            },
        });
        return true;
    }
}
