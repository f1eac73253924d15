namespace HealthFuncs.Functions.Audit;

public static class AuditOrigin
{
    /// Where a request came from: behind the Functions front end the client address is the first
    /// X-Forwarded-For entry; run alone it is the connection's remote address.
    public static string? Of(HttpContext http)
    {
        var forwarded = http.Request.Headers["X-Forwarded-For"].ToString();
        if (!string.IsNullOrWhiteSpace(forwarded)) return forwarded.Split(',')[0].Trim();
        return http.Connection.RemoteIpAddress?.ToString();
    }
}
