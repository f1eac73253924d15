// Log Analytics workspace and workspace-based Application Insights. Local (key) authentication is
// off: the function app sends telemetry with its managed identity, which holds Monitoring Metrics
// Publisher on the component.

@description('Azure region for the resources.')
param location string

@description('Name stem for the resources, e.g. healthfuncs-prod.')
param baseName string

@description('Days to keep logs.')
@minValue(30)
param retentionInDays int

param tags object

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${baseName}'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${baseName}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
  }
}

output insightsName string = insights.name
output insightsId string = insights.id
// The connection string identifies the component; with local auth off it grants nothing by itself.
output connectionString string = insights.properties.ConnectionString
