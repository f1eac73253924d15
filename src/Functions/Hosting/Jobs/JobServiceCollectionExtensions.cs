using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HealthFuncs.Functions.Hosting.Jobs;

public static class JobServiceCollectionExtensions
{
    /// <summary>
    /// Registers a scheduled job: it becomes a timer function in the published app, runs on the
    /// server's own scheduler when there is no Functions host, and can be run with
    /// <c>run-job &lt;name&gt;</c>. The job is resolved in a fresh scope for every run.
    /// </summary>
    public static IServiceCollection AddScheduledJob<TJob>(this IServiceCollection services)
        where TJob : class, IScheduledJob
    {
        services.AddScheduledJobs();
        services.AddScoped<IScheduledJob, TJob>();
        return services;
    }

    /// <summary>The machinery every job shares; safe to call more than once.</summary>
    public static IServiceCollection AddScheduledJobs(this IServiceCollection services)
    {
        services.AddOptions<JobOptions>().BindConfiguration("Jobs");
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<JobCatalog>();
        services.TryAddSingleton<JobCheckpoints>();
        services.TryAddSingleton<JobRunner>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoggerProvider, InvocationLogs>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, LocalJobScheduler>());
        return services;
    }
}
