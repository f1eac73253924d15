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
