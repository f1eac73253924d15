// HealthFuncs in one resource group: the function app (server as a .NET isolated worker, Flex
// Consumption), its storage, monitoring and identity. Deploy with a parameter file:
//   az deployment group create -g <group> -f infra/main.bicep -p infra/prod.bicepparam

targetScope = 'resourceGroup'

@description('Environment short name; part of every resource name.')
@allowed([
  'dev'
  'prod'
])
param environmentName string

@description('Azure region. Flex Consumption is offered in a subset of regions, Southeast Asia among them.')
param location string = resourceGroup().location

@description('Name stem for the resources.')
@minLength(3)
@maxLength(12)
param appName string = 'healthfuncs'

@description('Storage redundancy.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_LRS'

@description('Days a deleted or overwritten blob can be restored.')
@minValue(1)
@maxValue(365)
param softDeleteDays int = 30

@description('Days to keep logs in Log Analytics.')
@minValue(30)
param logRetentionDays int = 30

@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 10

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Application (client) ID of the Entra app registration for the API (see README, "Deploy to Azure").')
@minLength(36)
@maxLength(36)
param entraClientId string

@description('Directory (tenant) ID whose users sign in. Default: the tenant of the deployment.')
param entraTenantId string = tenant().tenantId

@description('More token audiences App Service Authentication accepts besides the API\'s client ID and api://<client id> (the add-in asks for api://<client id>/access_as_user), e.g. another application ID URI of the same API.')
param extraAudiences array = []

@description('Require Entra sign-in in front of the whole API (401 for anyone else). Set false to also let API-key callers (scripts, an add-in without sign-in) through to the server, which still answers 401 to callers with neither.')
param requireSignIn bool = true

var baseName = '${appName}-${environmentName}'
// Storage names allow only lower-case letters and digits; the hash keeps them unique per group.
var storageAccountName = take('st${replace(appName, '-', '')}${environmentName}${uniqueString(resourceGroup().id)}', 24)
var deploymentContainerName = 'app-package'
var tags = {
  app: appName
  environment: environmentName
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    location: location
    baseName: baseName
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    baseName: baseName
    retentionInDays: logRetentionDays
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    accountName: storageAccountName
    skuName: storageSku
    softDeleteDays: softDeleteDays
    deploymentContainerName: deploymentContainerName
    tags: tags
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    storageAccountName: storage.outputs.name
    insightsName: monitoring.outputs.insightsName
    principalId: identity.outputs.principalId
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionApp'
  // The app reaches storage as soon as it starts: its roles must exist first.
  dependsOn: [
    roles
  ]
  params: {
    location: location
    baseName: baseName
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    blobEndpoint: storage.outputs.blobEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    deploymentContainerName: deploymentContainerName
    insightsConnectionString: monitoring.outputs.connectionString
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    entraClientId: entraClientId
    entraTenantId: entraTenantId
    extraAudiences: extraAudiences
    requireSignIn: requireSignIn
  }
}

output functionAppName string = functionApp.outputs.name
output apiBaseUrl string = 'https://${functionApp.outputs.defaultHostName}/api'
output addinBaseUrl string = 'https://${functionApp.outputs.defaultHostName}/api/addin'
output storageAccountName string = storage.outputs.name
