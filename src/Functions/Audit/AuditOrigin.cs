namespace HealthFuncs.Functions.Audit;

public static class AuditOrigin
{
    /// Where a request came from: the connection's remote address, which the forwarded-headers middleware has
    /// already replaced with the X-Forwarded-For client when, and only when, the request came through a
    /// configured proxy (see Hosting.TrustedProxies).
    public static string? Of(HttpContext http) => http.Connection.RemoteIpAddress?.ToString();
}
