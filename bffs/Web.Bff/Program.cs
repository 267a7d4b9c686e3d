var builder = WebApplication.CreateBuilder(args);

builder.AddSettingsBesideBinary();                         // appsettings.json of the binary, when started from elsewhere
builder.AddServiceDefaults();                              // health, /metrics, telemetry, JSON logs, problem details
builder.AddShutdownDrain();                                // Shutdown:Delay (/readyz 503 while serving), Shutdown:Timeout
builder.AddEdgeIdentity();                                 // EdgeIdentity:Audience, :VerificationKeyPath, :AllowedClients
builder.AddWebHttp();                                      // the caller policy: web-app users only
builder.Services.AddDomainClients(builder.Configuration);  // DomainServices:*:BaseUrl, Resilience:*
builder.AddWebGraphQL();                                   // GraphQL:* limits, introspection, persisted queries
builder.AddGraphiQL();                                     // GraphiQL:Enabled (Development only), GraphiQL:DemoUser

var app = builder.Build();

app.UseGraphiQL();                                         // the IDE page and its assets, public (Development only)
app.UseWebHttp();                                          // problems, 401 (edge identity), 403 (other clients)
app.MapServiceDefaults();                                  // /healthz, /readyz, /metrics
app.MapWebGraphQL();                                       // POST/GET /graphql

app.Run();

/// <summary>The entry point, visible to <c>WebApplicationFactory</c> in tests.</summary>
public partial class Program;
