using Microsoft.AspNetCore.Http.HttpResults;

namespace HealthFuncs.Functions.Errors;

/// ProblemDetails as the API contract writes them: Vietnamese title and detail, English in "en".
public static class Problems
{
    public static ProblemHttpResult Of(int status, string titleVi, string detailVi, string en, IDictionary<string, object?>? extensions = null)
    {
        var all = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>()) { ["en"] = en };
        return TypedResults.Problem(detailVi, statusCode: status, title: titleVi, extensions: all);
    }

    public static ProblemHttpResult NotFound(string detailVi, string en) =>
        Of(StatusCodes.Status404NotFound, "Không tìm thấy", detailVi, en);

    public static ProblemHttpResult Forbidden(string detailVi, string en) =>
        Of(StatusCodes.Status403Forbidden, "Không có quyền", detailVi, en);

    public static ProblemHttpResult Conflict(string detailVi, string en, IDictionary<string, object?>? extensions = null) =>
        Of(StatusCodes.Status409Conflict, "Xung đột dữ liệu", detailVi, en, extensions);

    /// A 400 naming each wrong field; every field carries its Vietnamese message then its English one.
    public static ValidationProblem Invalid(string field, string messageVi, string messageEn) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [messageVi, messageEn] },
            detail: messageVi, title: "Dữ liệu không hợp lệ",
            extensions: new Dictionary<string, object?> { ["en"] = messageEn });
}
