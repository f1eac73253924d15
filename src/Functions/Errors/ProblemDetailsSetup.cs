namespace HealthFuncs.Functions.Errors;

public static class ProblemDetailsSetup
{
    /// ProblemDetails for every error, including the ones the framework writes itself (401, 403, 404 of an
    /// unknown route, 415): those get a Vietnamese title and their English title moves to "en".
    public static IServiceCollection AddHealthFuncsProblemDetails(this IServiceCollection services)
    {
        services.AddExceptionHandler<ProblemExceptionHandler>();
        return services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            if (problem.Extensions.ContainsKey("en")) return;
            problem.Extensions["en"] = problem.Detail ?? problem.Title;
            // The workbook upload takes a multipart form, every other body is JSON: the 415 names what this route expects.
            if (problem.Status == 415 && context.HttpContext.Request.Path.Value?.EndsWith("/upload", StringComparison.OrdinalIgnoreCase) == true)
            {
                problem.Title = "Kiểu nội dung không được hỗ trợ (cần multipart/form-data có tệp workbook .xlsx trong trường \"file\")";
                problem.Detail = "Hãy gửi biểu mẫu multipart/form-data với tệp Excel (.xlsx) trong trường \"file\".";
                problem.Extensions["en"] = "Send a multipart/form-data form with the Excel workbook (.xlsx) in the \"file\" field.";
                return;
            }
            problem.Title = problem.Status switch
            {
                401 => "Chưa xác thực: hãy gửi X-Api-Key hoặc đăng nhập",
                403 => "Không có quyền thực hiện thao tác này",
                404 => "Không tìm thấy",
                405 => "Phương thức không được hỗ trợ",
                413 => "Dữ liệu gửi lên quá lớn",
                415 => "Kiểu nội dung không được hỗ trợ (cần application/json)",
                >= 500 => "Lỗi máy chủ",
                _ => problem.Title,
            };
        });
    }
}
