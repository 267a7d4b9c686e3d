using Bff.Edge.Hosting;

return await EdgeProgram.RunAsync(args);
