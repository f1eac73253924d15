// Development environment: small, locally redundant, short retention.
// The Entra app registration's client ID is read from the environment so no tenant detail
// is committed: export HEALTHFUNCS_ENTRA_CLIENT_ID=<application (client) ID> before deploying.
using 'main.bicep'

param environmentName = 'dev'
param storageSku = 'Standard_LRS'
param softDeleteDays = 7
param logRetentionDays = 30
param maximumInstanceCount = 2
param instanceMemoryMB = 2048
// Development also takes API keys (the add-in's and test scripts'), as the server does locally.
param requireSignIn = false
param entraClientId = readEnvironmentVariable('HEALTHFUNCS_ENTRA_CLIENT_ID')
