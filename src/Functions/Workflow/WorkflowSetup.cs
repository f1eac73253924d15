using HealthFuncs.Functions.Hosting.Jobs;
using HealthFuncs.Functions.Jobs;
using HealthFuncs.Functions.Reports;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HealthFuncs.Functions.Workflow;

public static class WorkflowSetup
{
    /// The reporting workflow (transitions, completeness, the values gate) and its three scheduled jobs.
    public static IServiceCollection AddWorkflow(this IServiceCollection services)
    {
        services.AddOptions<WorkflowOptions>().BindConfiguration(WorkflowOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ReportStorage>();
        services.AddSingleton<WorkflowStore>();
        services.AddSingleton<WorkflowRulesSource>();
        services.AddSingleton<WorkflowGate>();
        services.AddScoped<WorkflowEndpoint>();
        services.AddSingleton<ReportBlobs>();
        services.AddSingleton<JobStepRunner>();
        services.TryAddSingleton<AnnexSources>();
        services.AddScheduledJob<YearEndSummary>();
        services.AddScheduledJob<CompletenessReminder>();
        services.AddScheduledJob<NightlySnapshot>();
        return services;
    }
}
