using HealthFuncs.Core.OrgUnits;
using HealthFuncs.Core.Workflow;

namespace HealthFuncs.Core.Tests.Workflow;

/// <summary>A province with two districts, one of which has a commune; deadlines short enough to reason about.</summary>
internal static class WorkflowTestTree
{
    public static readonly OrgTree Tree = new([
        new OrgUnit("TQ", "Tỉnh Tuyên Quang", UnitLevel.Province, [new ParentLink(2000, null)]),
        new OrgUnit("SD", "Huyện Sơn Dương", UnitLevel.District, [new ParentLink(2000, "TQ")]),
        new OrgUnit("YS", "Huyện Yên Sơn", UnitLevel.District, [new ParentLink(2000, "TQ")]),
        new OrgUnit("SD-X1", "Xã Tân Trào", UnitLevel.Commune, [new ParentLink(2000, "SD")]),
        new OrgUnit("LB", "Huyện Lâm Bình", UnitLevel.District, [new ParentLink(2022, "TQ")]),
    ]);

    // Q1 2021 ends Wednesday 31 March: district deadline Wednesday 7 April, lock Wednesday 14 April.
    public static readonly ReportingRules Reporting = new(new Dictionary<UnitLevel, LevelSchedule>
    {
        [UnitLevel.Province] = new(10, 20),
        [UnitLevel.District] = new(5, 10),
        [UnitLevel.Commune] = new(2, 4),
    }, new WorkingCalendar());

    public static readonly WorkflowRules Rules = new(Tree, Reporting);

    public static readonly WorkflowActor District = new("sd-staff", "SD");
    public static readonly WorkflowActor OtherDistrict = new("ys-staff", "YS");
    public static readonly WorkflowActor Province = new("tq-staff", "TQ");

    public static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant);
}
