// The user-assigned identity the function app runs as. It is created before the app so its
// role assignments exist by the time the app first starts and reaches storage.

param location string
param baseName string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${baseName}'
  location: location
  tags: tags
}

output id string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
