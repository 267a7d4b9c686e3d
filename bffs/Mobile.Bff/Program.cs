var builder = WebApplication.CreateBuilder(args);

builder.AddSettingsBesideBinary();                         // appsettings.json of the binary, when started from elsewhere
builder.AddServiceDefaults();                              // health, /metrics, telemetry, JSON logs, problem details
builder.AddShutdownDrain();                                // Shutdown:Delay (/readyz 503 while serving), Shutdown:Timeout
builder.AddEdgeIdentity();                                 // EdgeIdentity:Audience, :VerificationKeyPath, :AllowedClients
builder.AddMobileHttp();                                   // Mobile:Requests limits, brotli + gzip, the caller policy
builder.Services.AddDomainClients(builder.Configuration);  // DomainServices:*:BaseUrl, Resilience:*
builder.AddSections();                                     // Mobile:Budgets, Mobile:Cache, Mobile:Hedging, Bff.Mobile meter
builder.AddScreens();                                      // Mobile:Home
builder.AddDomainReadiness();                              // /readyz: the domain services answer

var app = builder.Build();

app.UseMobileHttp();                                       // problems, compression, query limits, 401, 403
app.MapServiceDefaults();                                  // /healthz, /readyz, /metrics
app.MapHome();                                             // GET /mobile/home
app.MapProductPage();                                      // GET /mobile/products/{id}
app.MapOrderPage();                                        // GET /mobile/orders/{id}

app.Run();

/// <summary>The entry point, visible to <c>WebApplicationFactory</c> in tests.</summary>
public partial class Program;
