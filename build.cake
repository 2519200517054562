// KerasNet build script. Run with: dotnet tool restore && dotnet cake [--target=Test]
var target = Argument("target", "Test");
var configuration = Argument("configuration", "Release");
// Packages get a pre-release version of their own each time, so that a repack never meets a stale NuGet cache.
var versionSuffix = Argument("versionSuffix", "local." + DateTime.UtcNow.ToString("yyyyMMddHHmmss"));
var solution = "./KerasNet.sln";

Task("Build")
    .Does(() => DotNetBuild(solution, new DotNetBuildSettings { Configuration = configuration }));

Task("Test")
    .IsDependentOn("Build")
    .Does(() => DotNetTest(solution, new DotNetTestSettings { Configuration = configuration, NoBuild = true }));

// KerasNet, KerasNet.Cpu and KerasNet.Interactive (with .snupkg symbols) into artifacts/packages: the local feed
// the notebooks in examples/notebooks and the Cake sample in examples/cake use.
Task("Pack")
    .Does(() =>
    {
        foreach (var project in new[] { "KerasNet", "KerasNet.Cpu", "KerasNet.Interactive" })
            DotNetPack($"./src/{project}/{project}.csproj", new DotNetPackSettings
            {
                Configuration = configuration,
                OutputDirectory = "./artifacts/packages",
                VersionSuffix = versionSuffix,
            });
    });

Task("Examples")
    .IsDependentOn("Build")
    .Does(() =>
    {
        foreach (var project in GetFiles("./examples/*/*.csproj"))
        {
            Information($"Running {project.GetFilenameWithoutExtension()}");
            DotNetRun(project.FullPath, new DotNetRunSettings { Configuration = configuration, NoBuild = true });
        }
    });

Task("Bench")
    .IsDependentOn("Build")
    .Does(() => DotNetRun("./tests/KerasNet.Benchmarks/KerasNet.Benchmarks.csproj", new ProcessArgumentBuilder().Append("mlp").Append("cnn"),
        new DotNetRunSettings { Configuration = configuration, NoBuild = true }));

RunTarget(target);
