using System.Text.Json;
using Azure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace HealthFuncs.Functions.Errors;

/// The one place exceptions become ProblemDetails: malformed JSON names the field it failed on,
/// a storage precondition failure (someone else changed the entity) is a 409, a missing entity a 404.
public sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (StorageOutage.Is(exception, httpContext.RequestAborted))
        {
            httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            httpContext.Response.Headers.RetryAfter = StorageOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext, Exception = exception,
                ProblemDetails = Problem(503, "Kho dữ liệu tạm thời không truy cập được",
                    $"Không kết nối được kho dữ liệu; không có gì được ghi dở. Hãy thử lại sau {StorageOutage.RetryAfterSeconds} giây.",
                    $"Storage cannot be reached; nothing was half-written. Try again in {StorageOutage.RetryAfterSeconds} seconds."),
            });
        }
        var problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => JsonProblem(json),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => Problem(413, "Dữ liệu gửi lên quá lớn",
                "Nội dung yêu cầu vượt quá giới hạn cho phép.", "The request body is larger than allowed."),
            BadHttpRequestException bad => Problem(bad.StatusCode, "Yêu cầu không hợp lệ",
                "Không đọc được yêu cầu: " + bad.Message, "The request could not be read: " + bad.Message),
            RequestFailedException { Status: 412 or 409 } => Problem(409, "Xung đột dữ liệu",
                "Dữ liệu đã bị người khác thay đổi; hãy tải lại rồi thử lại.", "The data was changed by someone else; reload and try again."),
            // Checks before storage name the field; this only catches what they missed (a property over 64 KiB, a bad key).
            RequestFailedException { Status: 400 or 413 } => Problem(422, "Dữ liệu không lưu được",
                "Kho dữ liệu từ chối giá trị gửi lên (quá dài hoặc chứa ký tự không hợp lệ).", "Storage refused a value sent (too long or holding invalid characters)."),
            RequestFailedException { Status: 404 } => Problem(404, "Không tìm thấy",
                "Không tìm thấy dữ liệu yêu cầu.", "The requested data was not found."),
            _ => null,
        };
        if (problem is null) return false;
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Problem(int status, string titleVi, string detailVi, string en) =>
        new() { Status = status, Title = titleVi, Detail = detailVi, Extensions = { ["en"] = en } };

    private static ValidationProblemDetails JsonProblem(JsonException json)
    {
        // "$.values[3].value" → "values[3].value": the key the add-in maps back to a row and column.
        var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "body" : json.Path.TrimStart('$', '.');
        var at = json.LineNumber is { } line ? $" (dòng {line + 1}, vị trí {json.BytePositionInLine + 1})" : "";
        var atEn = json.LineNumber is { } l ? $" (line {l + 1}, position {json.BytePositionInLine + 1})" : "";
        var (vi, en) = json is Input.InputNumberException number
            ? ($"'{field}'{at}: {number.MessageVi}", $"'{field}'{atEn}: {number.Message}")
            : ($"Không đọc được '{field}'{at}: sai kiểu dữ liệu hoặc sai cú pháp JSON (số phải viết dạng 83.9, không trong ngoặc kép).",
                $"Could not read '{field}'{atEn}: wrong type or malformed JSON (numbers are written like 83.9, without quotes).");
        return new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [vi, en] })
        {
            Status = 400, Title = "Dữ liệu không hợp lệ", Detail = vi, Extensions = { ["en"] = en },
        };
    }
}
