using HealthFuncs.Functions.Errors;
using HealthFuncs.Functions.Identity;
using HealthFuncs.Functions.Storage;
using HealthFuncs.Functions.Reports;
using HealthFuncs.Functions.Submissions;
using System.Text.Json.Serialization;

var builder = WebApplication.CreateBuilder(args);

// Under Azure Functions the host tells the custom handler which port to listen on;
// running alone, the server listens on the port the Functions host would use locally.
var port = Environment.GetEnvironmentVariable("FUNCTIONS_CUSTOMHANDLER_PORT");
builder.WebHost.UseUrls(port is null ? "http://127.0.0.1:7071" : $"http://127.0.0.1:{port}");

builder.Services.AddHealthFuncsProblemDetails();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
// Malformed JSON reaches the exception handler, which names the field it failed on.
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddOpenApi();
builder.Services.AddStorage();
builder.Services.AddCallerIdentity();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApi().AllowAnonymous();
var api = app.MapGroup("/api");
api.MapGet("/health", () => TypedResults.Ok(new { status = "ok" })).AllowAnonymous();
api.MapValues();
api.MapReports();

app.Run();

public partial class Program;
