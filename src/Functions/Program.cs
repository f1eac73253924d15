using HealthFuncs.Functions.Hosting;
using HealthFuncs.Functions.Hosting.Commands;

var builder = WebApplication.CreateBuilder(args);
builder.AddCustomHandlerHosting();

var app = builder.Build();
app.MapGet("/api/health", () => TypedResults.Ok(new { status = "ok" }));
app.MapCustomHandlerEndpoints();
return await app.RunOrExecuteAsync(args);

public partial class Program;
