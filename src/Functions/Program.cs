var builder = WebApplication.CreateBuilder(args);

// Under Azure Functions the host tells the custom handler which port to listen on;
// running alone, the server listens on the port the Functions host would use locally.
var port = Environment.GetEnvironmentVariable("FUNCTIONS_CUSTOMHANDLER_PORT");
builder.WebHost.UseUrls(port is null ? "http://127.0.0.1:7071" : $"http://127.0.0.1:{port}");

var app = builder.Build();
app.MapGet("/api/health", () => TypedResults.Ok(new { status = "ok" }));
app.Run();

public partial class Program;
