namespace Bff.Deploy.Tests.Support;

/// <summary>A temporary folder with the keys <c>deploy/keys/gen-keys.sh</c> writes, as the compose "keys" service does.</summary>
internal sealed class EdgeKeys : IDisposable
{
    private EdgeKeys(string folder) => Folder = folder;

    public string Folder { get; }

    public string SecretFolder => Path.Combine(Folder, "secret");

    public string PublicFolder => Path.Combine(Folder, "public");

    public string SigningKey => Path.Combine(SecretFolder, "edge-identity.pem");

    public string Certificate => Path.Combine(SecretFolder, "tls.crt");

    public string CertificateKey => Path.Combine(SecretFolder, "tls.key");

    public string VerificationKey => Path.Combine(PublicFolder, "edge-identity.pub.pem");

    public static async Task<EdgeKeys> CreateAsync()
    {
        var keys = new EdgeKeys(Directory.CreateTempSubdirectory("bff-deploy-keys-").FullName);
        await keys.RunScriptAsync();
        return keys;
    }

    /// <summary>Runs the script again on the same folders.</summary>
    public async Task RunScriptAsync()
    {
        var run = await ToolRun.RunAsync("sh", [RepoFiles.Full(RepoFiles.KeysScript), SecretFolder, PublicFolder]);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"{RepoFiles.KeysScript} failed ({run.ExitCode}):\n{run.Output}");
        }
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
