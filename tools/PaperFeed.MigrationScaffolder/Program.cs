using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;
using Npgsql.EntityFrameworkCore.PostgreSQL.Design.Internal;
using PaperFeed.Data;

// Usage: PaperFeed.MigrationScaffolder NAME DATA_PROJECT_DIR
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: PaperFeed.MigrationScaffolder NAME path/to/src/PaperFeed.Data");
    return 2;
}

var (name, projectDir) = (args[0], Path.GetFullPath(args[1]));

// Scaffolding compares the model with the last snapshot; it never connects, so any connection string will do.
await using var dataSource = DataServiceCollectionExtensions.CreateDataSource("Host=unused");
var options = new DbContextOptionsBuilder<PaperFeedDbContext>();
DataServiceCollectionExtensions.Configure(options, dataSource);
await using var db = new PaperFeedDbContext(options.Options);

var services = new ServiceCollection();
services.AddEntityFrameworkDesignTimeServices();
services.AddDbContextDesignTimeServices(db);
new NpgsqlDesignTimeServices().ConfigureDesignTimeServices(services);
await using var provider = services.BuildServiceProvider();

var scaffolder = provider.GetRequiredService<IMigrationsScaffolder>();
var migration = scaffolder.ScaffoldMigration(name, "PaperFeed.Data", "Migrations", "C#");
var files = scaffolder.Save(projectDir, migration, Path.Combine(projectDir, "Migrations"));
Console.WriteLine($"wrote {files.MigrationFile}");
Console.WriteLine($"wrote {files.MetadataFile}");
Console.WriteLine($"wrote {files.SnapshotFile}");
return 0;
