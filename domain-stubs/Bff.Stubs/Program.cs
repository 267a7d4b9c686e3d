var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "stub");
app.Run();

public partial class Program;
