using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using HealthFuncs.Functions.Storage;
using HealthFuncs.Functions.Tests.Infrastructure;

namespace HealthFuncs.Functions.Tests.Identity;

/// <summary>
/// Access tokens validated by the server itself, against a local issuer standing in for the Entra tenant: the
/// signature from the issuer's published keys, the issuer, the audience and the lifetime, then the person matched
/// to a HealthFuncs user by object id or sign-in name. Every refusal is a 401 problem that says why.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EntraTokenTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Audience = "api://healthfuncs-test";
    private LocalIssuer _issuer = null!;
    private HealthFuncsFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _issuer = await LocalIssuer.StartAsync();
        _factory = new HealthFuncsFactory(azurite)
        {
            Settings =
            {
                ["Auth:Entra:Authority"] = _issuer.Authority,
                ["Auth:Entra:Audiences:0"] = Audience,
                ["Auth:Entra:RequireHttpsMetadata"] = "false",
            },
        };
        await _factory.AddUserAsync("5f0c6a7e-0000-4000-8000-00000000d001", UserRole.District, "D1");
        await _factory.AddUserAsync("tk@syt.example.vn", UserRole.Province, "P");
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    private async Task<HttpResponseMessage> MeAsync(string token)
    {
        using var client = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    private static Dictionary<string, object> Person(string oid, string name) => new() { ["oid"] = oid, ["preferred_username"] = name, ["name"] = "Cán bộ thống kê" };

    [Fact]
    public async Task A_valid_token_signs_in_the_user_with_its_object_id()
    {
        var response = await MeAsync(_issuer.Token(Audience, Person("5f0c6a7e-0000-4000-8000-00000000d001", "someone@pyt.example.vn")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.ReadJsonAsync();
        Assert.Equal("5f0c6a7e-0000-4000-8000-00000000d001", me.GetProperty("id").GetString());
        Assert.Equal("D1", me.GetProperty("unitCode").GetString());
    }

    [Fact]
    public async Task A_user_added_by_sign_in_name_is_found_by_it()
    {
        var response = await MeAsync(_issuer.Token(Audience, Person(Guid.NewGuid().ToString(), "tk@syt.example.vn")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Province", (await response.ReadJsonAsync()).GetProperty("role").GetString());
    }

    [Theory]
    [InlineData("expired", "TokenExpired")]
    [InlineData("wrong audience", "TokenRejected")]
    [InlineData("other key", "TokenRejected")]
    [InlineData("other issuer", "TokenRejected")]
    [InlineData("not a token", "TokenRejected")]
    [InlineData("unknown person", "NotAUser")]
    public async Task A_token_refused_answers_401_saying_why(string kind, string reason)
    {
        using var stranger = RSA.Create(2048);
        var person = Person("5f0c6a7e-0000-4000-8000-00000000d001", "someone@pyt.example.vn");
        var token = kind switch
        {
            "expired" => _issuer.Token(Audience, person, expires: DateTime.UtcNow.AddMinutes(-10)),
            "wrong audience" => _issuer.Token("api://another-app", person),
            "other key" => _issuer.Token(Audience, person, signedWith: stranger),
            "other issuer" => _issuer.Token(Audience, person, issuer: "https://login.microsoftonline.com/another-tenant/v2.0"),
            "not a token" => "hf.not-a-jwt",
            _ => _issuer.Token(Audience, Person(Guid.NewGuid().ToString(), "nobody@example.vn")),
        };
        var response = await MeAsync(token);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(reason, problem.GetProperty("reason").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("en").GetString()));
    }

    [Fact]
    public async Task A_disabled_user_is_refused_with_a_valid_token()
    {
        var admin = await _factory.AddUserAsync("entra-admin", UserRole.Admin, null);
        await _factory.AddUserAsync("left@pyt.example.vn", UserRole.District, "D1");
        var disabled = await _factory.ClientWithKey(admin).PostAsync("/api/users/left@pyt.example.vn/disable", null);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);

        var response = await MeAsync(_issuer.Token(Audience, Person(Guid.NewGuid().ToString(), "left@pyt.example.vn")));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("UserDisabled", (await response.ReadJsonAsync()).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Api_keys_still_work_beside_tokens()
    {
        var key = await _factory.AddUserAsync("script-user", UserRole.District, "D1");
        Assert.Equal(HttpStatusCode.OK, (await _factory.ClientWithKey(key).GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Without_an_entra_authority_a_bearer_token_signs_no_one_in()
    {
        await using var plain = new HealthFuncsFactory(azurite);
        using var client = plain.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _issuer.Token(Audience, Person("5f0c6a7e-0000-4000-8000-00000000d001", "x@y.vn")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(request)).StatusCode);
    }
}
