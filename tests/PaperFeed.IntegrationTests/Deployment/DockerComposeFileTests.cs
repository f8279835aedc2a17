using System.Diagnostics;
using System.Text.RegularExpressions;
using PaperFeed.IntegrationTests.Infrastructure;

namespace PaperFeed.IntegrationTests.Deployment;

// No Docker engine runs on our machines, so `docker compose up` cannot be tested here. `docker-compose config`
// needs no engine: it validates docker-compose.yml against the schema and prints it with variables resolved.
// The resolved YAML is read line by line: compose 1.29 and Compose v2 print ports and paths differently.
public sealed partial class DockerComposeFileTests
{
    private static string RepoRoot => RepoPaths.Root;
    private static string[] ExpectedServices => ["db", "migrate", "seed", "web", "worker", "mailpit"];

    [Fact]
    public async Task Compose_file_lists_the_whole_stack()
    {
        var output = await ComposeAsync("config", "--services");

        var services = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var service in ExpectedServices)
            Assert.Contains(service, services);
    }

    [Fact]
    public async Task Database_runs_the_pgvector_image()
    {
        var db = ServiceBlock(await ComposeAsync("config"), "db");

        Assert.Matches(@"image: ['""]?pgvector/pgvector:", db);
    }

    [Fact]
    public async Task Web_is_published_on_port_5080_by_default()
    {
        var web = ServiceBlock(await ComposeAsync("config"), "web");

        // 1.29 prints "published: 5080", v2 prints "published: \"5080\"".
        var ports = Section(web, "ports", 4);
        Assert.Matches(@"(?m)published: ['""]?5080['""]?$", ports);
        Assert.Matches(@"(?m)target: 8080$", ports);
    }

    [Fact]
    public async Task Every_built_service_names_an_existing_Dockerfile_and_target()
    {
        var config = await ComposeAsync("config");

        var builds = ExpectedServices.Select(s => Section(ServiceBlock(config, s), "build", 4)).Where(b => b.Length > 0);
        foreach (var build in builds)
        {
            // The context is absolute in the resolved config; Path.Combine keeps an absolute dockerfile as it is.
            var dockerfile = Path.Combine(Value(build, "context"), Value(build, "dockerfile"));
            Assert.True(File.Exists(dockerfile), $"{dockerfile} does not exist");
            Assert.Contains(Value(build, "target"), StageNames(File.ReadAllText(dockerfile)));
        }

        Assert.Equal("web", Value(Section(ServiceBlock(config, "web"), "build", 4), "target"));
        Assert.Equal("worker", Value(Section(ServiceBlock(config, "worker"), "build", 4), "target"));
    }

    [Fact]
    public void Every_COPY_source_in_the_Dockerfile_exists()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoRoot, "deploy", "Dockerfile"));
        var copies = lines.Select(l => l.Trim()).Where(l => l.StartsWith("COPY ", StringComparison.OrdinalIgnoreCase));
        // `COPY --from=build ...` copies between stages, not from the build context (the repository root).
        var sources = copies
            .Where(l => !l.Contains("--from=", StringComparison.OrdinalIgnoreCase))
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).SkipLast(1))
            .Where(arg => !arg.StartsWith("--", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(sources);
        var missing = sources.Where(s => !File.Exists(Path.Combine(RepoRoot, s)) && !Directory.Exists(Path.Combine(RepoRoot, s)));
        Assert.Empty(missing);
    }

    private static string[] StageNames(string dockerfile) =>
        [.. StageName().Matches(dockerfile).Select(m => m.Groups[1].Value)];

    private static string ServiceBlock(string config, string service)
    {
        var block = Section(Section(config, "services", 0), service, 2);
        Assert.True(block.Length > 0, $"service '{service}' is not in the resolved compose config:\n{config}");
        return block;
    }

    // The lines under "key:" at the given indent, up to the next line indented no deeper; "" if there is none.
    private static string Section(string yaml, string key, int indent)
    {
        var lines = yaml.Split('\n').SkipWhile(l => l.TrimEnd() != new string(' ', indent) + key + ":").Skip(1);
        var deeper = new string(' ', indent + 1);
        var listItem = new string(' ', indent) + "- "; // compose 1.29 does not indent list items under their key
        return string.Join('\n', lines.TakeWhile(l =>
            l.Trim().Length == 0 || l.StartsWith(deeper, StringComparison.Ordinal) || l.StartsWith(listItem, StringComparison.Ordinal)));
    }

    private static string Value(string block, string key)
    {
        var match = Regex.Match(block, $@"^\s+{key}: ['""]?(.+?)['""]?\s*$", RegexOptions.Multiline);
        Assert.True(match.Success, $"no '{key}:' in\n{block}");
        return match.Groups[1].Value;
    }

    // Runs docker-compose (or `docker compose`) in the repository root and returns its output.
    private static async Task<string> ComposeAsync(params string[] arguments)
    {
        var (fileName, prefix) = await FindComposeAsync()
            ?? throw new InvalidOperationException("docker-compose not found; ./paperfeed test installs Debian's docker-compose package");
        // An empty env file and a scrubbed environment, so a developer's .env or shell cannot change the defaults.
        var emptyEnvFile = Path.Combine(Path.GetTempPath(), $"paperfeed-compose-{Guid.NewGuid():N}.env");
        await File.WriteAllTextAsync(emptyEnvFile, "", TestContext.Current.CancellationToken);
        try
        {
            string[] args = [.. prefix, "--file", "docker-compose.yml", "--env-file", emptyEnvFile, .. arguments];
            var result = await RunAsync(fileName, args);
            Assert.True(result.ExitCode == 0, $"{fileName} {string.Join(' ', args)} exited {result.ExitCode}:\n{result.Stderr}");
            return result.Stdout;
        }
        finally
        {
            File.Delete(emptyEnvFile);
        }
    }

    private static async Task<(string FileName, string[] Prefix)?> FindComposeAsync()
    {
        if (FindOnPath("docker-compose") is { } compose)
            return (compose, []);
        // The docker CLI runs `compose` as a plugin; `version` checks the plugin is there without needing an engine.
        if (FindOnPath("docker") is { } docker && (await RunAsync(docker, ["compose", "version"])).ExitCode == 0)
            return (docker, ["compose"]);
        return null;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    private static async Task<ProcessResult> RunAsync(string fileName, IReadOnlyList<string> arguments)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);
        foreach (var variable in new[] { "PAPERFEED_PORT", "POSTGRES_PASSWORD", "COMPOSE_FILE", "COMPOSE_PROFILES" })
            startInfo.Environment.Remove(variable);

        var limit = TimeSpan.FromMinutes(1);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(limit);
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"could not start {fileName}");
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {limit}");
        }
        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }

    [GeneratedRegex(@"^FROM\s+(?:--\S+\s+)*\S+\s+AS\s+(\S+)\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex StageName();

    private sealed record ProcessResult(int ExitCode, string Stdout, string Stderr);
}
