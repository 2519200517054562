// KerasNet build script. Run with: dotnet tool restore && dotnet cake [--target=Test]
var target = Argument("target", "Test");
var configuration = Argument("configuration", "Release");
var solution = "./KerasNet.sln";

Task("Build")
    .Does(() => DotNetBuild(solution, new DotNetBuildSettings { Configuration = configuration }));

Task("Test")
    .IsDependentOn("Build")
    .Does(() => DotNetTest(solution, new DotNetTestSettings { Configuration = configuration, NoBuild = true }));

Task("Pack")
    .IsDependentOn("Build")
    .Does(() => DotNetPack("./src/KerasNet/KerasNet.csproj", new DotNetPackSettings
    {
        Configuration = configuration,
        NoBuild = true,
        OutputDirectory = "./artifacts",
    }));

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
