var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();                              // health, /metrics, telemetry, JSON logs, problem details
builder.AddShutdownDrain();                                // Shutdown:Delay (/readyz 503 while serving), Shutdown:Timeout
builder.AddEdgeIdentity();                                 // EdgeIdentity:Audience, :VerificationKeyPath, :AllowedClients
builder.Services.AddDomainClients(builder.Configuration);  // DomainServices:*:BaseUrl, Resilience:*
builder.AddPartnerApi();                                   // Partner:Clients, :Paging, :Idempotency, :V1; caller policy; meter
builder.AddPartnerOpenApi();                               // one OpenAPI document per version

var app = builder.Build();

app.UsePartnerReference();                                 // GET /partner/docs: Swagger UI over v1 and v2, no token
app.UsePartnerHttp();                                      // problems, deprecation headers, 401, 403, usage
app.MapServiceDefaults();                                  // /healthz, /readyz, /metrics
app.MapPartnerOpenApi();                                   // GET /partner/{v1|v2}/openapi.json
app.MapPartnerV1();                                        // /partner/v1/orders, /partner/v1/products (deprecated)
app.MapPartnerV2();                                        // /partner/v2/orders, /partner/v2/products

app.Run();

/// <summary>The entry point, visible to <c>WebApplicationFactory</c> in tests.</summary>
public partial class Program;
