// Microsoft Entra ID sign-in to Azure Cosmos DB, so no account key need exist: the app's managed identity in Azure
// (system-assigned, or the user-assigned one named by AZURE_CLIENT_ID), a developer's `az login` elsewhere.
// The identity needs the data-plane role "Cosmos DB Built-in Data Contributor" on the account (docs/DEPLOY.md).
import type { TokenCredential } from '@azure/identity';

export function cosmosCredential(azureClientId: string): TokenCredential {
  // Loaded only when used: a key or the embedded store never needs it.
  const { DefaultAzureCredential } = require('@azure/identity') as typeof import('@azure/identity');
  return new DefaultAzureCredential(azureClientId ? { managedIdentityClientId: azureClientId } : {});
}
