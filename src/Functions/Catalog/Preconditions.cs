using System.Security.Cryptography;
using System.Text;
using HealthFuncs.Functions.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HealthFuncs.Functions.Catalog;

/// ETags of catalog records and the If-Match check every catalog write makes. A record's ETag is a
/// hash of its content as stored ("0" when there is none yet), so a client that read it can say
/// which content it edits, and a change made since is refused instead of overwritten unseen.
public static class Preconditions
{
    public const string Missing = "\"0\"";

    public static string EtagOf(string? content) =>
        content is null ? Missing : $"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)))[..16]}\"";

    /// Null when If-Match names the current content; else the 428 (no If-Match) or 409 (stale) to answer.
    public static ProblemHttpResult? Check(HttpContext http, string currentEtag, string what, string whatEn)
    {
        var ifMatch = http.Request.Headers.IfMatch.ToString().Trim();
        if (ifMatch.Length == 0)
            return Problems.Of(StatusCodes.Status428PreconditionRequired, "Thiếu If-Match",
                $"Gửi kèm tiêu đề If-Match: {currentEtag} lấy từ lần đọc {what} gần nhất.",
                $"Send If-Match: {currentEtag} as read from the latest GET of the {whatEn}.",
                new Dictionary<string, object?> { ["currentEtag"] = currentEtag });
        if (ifMatch != "*" && ifMatch != currentEtag)
            return Problems.Conflict($"{Capitalised(what)} đã thay đổi từ lần đọc trước (phiên bản hiện tại {currentEtag}); hãy đọc lại rồi sửa.",
                $"The {whatEn} changed since it was read (current version {currentEtag}); read it again and edit that.",
                new Dictionary<string, object?> { ["currentEtag"] = currentEtag });
        return null;
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
