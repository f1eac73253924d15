// The Linux function app on the Flex Consumption plan, running the server as a .NET 10 isolated
// worker (runtime "dotnet-isolated": Flex sets FUNCTIONS_WORKER_RUNTIME from it). It runs as the user-assigned
// identity for everything: the host's own storage, the deployment package, the app's tables and
// blobs, and telemetry. App Service Authentication with Microsoft Entra ID stands in front of the
// API and answers 401 to anonymous callers; the server trusts the principal it passes on. Either
// way App Service Authentication replaces any X-MS-CLIENT-PRINCIPAL header a client sends.

param location string
param baseName string
param tags object

param identityId string
param identityClientId string

param storageAccountName string
param blobEndpoint string
param tableEndpoint string
param queueEndpoint string
param deploymentContainerName string

param insightsConnectionString string

@description('Largest number of instances the app may scale out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Application (client) ID of the Entra app registration that represents the API.')
param entraClientId string

@description('Directory (tenant) ID whose users sign in.')
param entraTenantId string

@description('Token audiences the API accepts besides the client ID itself.')
param extraAudiences array

@description('True: anonymous callers get 401 from App Service Authentication before reaching the API. False: callers with an Entra session or token are signed in and the rest pass through to the API, which answers 401 unless they bring an API key.')
param requireSignIn bool

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-${baseName}'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: 'func-${baseName}'
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientCertEnabled: false
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: [
        // The Functions host's storage, by identity: no account key anywhere.
        { name: 'AzureWebJobsStorage__accountName', value: storageAccountName }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identityClientId }
        { name: 'AzureWebJobsStorage__blobServiceUri', value: blobEndpoint }
        { name: 'AzureWebJobsStorage__queueServiceUri', value: queueEndpoint }
        { name: 'AzureWebJobsStorage__tableServiceUri', value: tableEndpoint }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insightsConnectionString }
        // Read by the host and by the worker's own telemetry (FunctionsWorkerHosting): both sign in as the identity.
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identityClientId};Authorization=AAD' }
        // The server's own storage clients: DefaultAzureCredential picks the identity named here.
        { name: 'AZURE_CLIENT_ID', value: identityClientId }
        { name: 'Storage__AccountName', value: storageAccountName }
        // Requests reach the server only through App Service Authentication, so the principal
        // header it adds can be trusted; locally the server uses API keys instead.
        { name: 'Auth__TrustAppServiceAuthentication', value: 'true' }
        // The server also validates Entra access tokens itself (the add-in's single sign-on sends one as a
        // bearer token), so an API call is checked even where App Service Authentication lets it through.
        { name: 'Auth__Entra__Authority', value: '${environment().authentication.loginEndpoint}${entraTenantId}/v2.0' }
        { name: 'Auth__Entra__Audiences__0', value: 'api://${entraClientId}' }
        { name: 'Auth__Entra__Audiences__1', value: entraClientId }
        // The host's timers run the jobs here; the server's own scheduler is for running alone.
        { name: 'Jobs__RunLocally', value: 'false' }
        // The Functions host forwards each request to the server over loopback, passing on the
        // X-Forwarded-For the front end wrote; only that hop is trusted to name the client.
        { name: 'ForwardedHeaders__KnownProxies__0', value: '127.0.0.1' }
        { name: 'ForwardedHeaders__KnownProxies__1', value: '::1' }
      ]
    }
  }
}

resource auth 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: requireSignIn
      unauthenticatedClientAction: requireSignIn ? 'Return401' : 'AllowAnonymous'
      // The health probe and the add-in's own files (the task pane loads before anyone signs in).
      excludedPaths: [
        '/api/health'
        '/api/addin/*'
      ]
    }
    httpSettings: {
      requireHttps: true
      forwardProxy: {
        convention: 'NoProxy'
      }
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: entraClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${entraTenantId}/v2.0'
        }
        validation: {
          allowedAudiences: concat([entraClientId, 'api://${entraClientId}'], extraAudiences)
        }
      }
    }
    login: {
      tokenStore: {
        enabled: true
      }
    }
  }
}

output name string = app.name
output defaultHostName string = app.properties.defaultHostName
