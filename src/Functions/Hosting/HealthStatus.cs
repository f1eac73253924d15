namespace HealthFuncs.Functions.Hosting;

/// GET /api/health: "ok" whenever the server answers (no storage call: a probe must not fail on a slow table).
public sealed record HealthStatus(string Status);
