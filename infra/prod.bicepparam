// Production: zone-redundant storage, a month to undo deletions, a year of logs.
// export HEALTHFUNCS_ENTRA_CLIENT_ID=<application (client) ID> before deploying.
using 'main.bicep'

param environmentName = 'prod'
param storageSku = 'Standard_ZRS'
param softDeleteDays = 30
param logRetentionDays = 365
param maximumInstanceCount = 20
param instanceMemoryMB = 2048
param requireSignIn = true
param entraClientId = readEnvironmentVariable('HEALTHFUNCS_ENTRA_CLIENT_ID')
